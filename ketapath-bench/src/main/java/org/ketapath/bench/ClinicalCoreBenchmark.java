package org.ketapath.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ketapath.core.engine.Action;
import org.ketapath.core.engine.Decision;
import org.ketapath.core.engine.DecisionEngine;
import org.ketapath.core.episode.EpisodeEvent;
import org.ketapath.core.episode.Patient;
import org.ketapath.core.opioid.ConversionTable;
import org.ketapath.core.opioid.ConversionTables;
import org.ketapath.core.opioid.MeddCalculator;
import org.ketapath.core.opioid.MeddResult;
import org.ketapath.core.opioid.OpioidExposure;
import org.ketapath.core.protocol.Protocol;
import org.ketapath.core.protocol.ProtocolCatalog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The clinical core's two hot paths, each beside a baseline measured in the same run so that
 * results can be reported as ratios, which travel between machines better than absolute times:
 *
 * <ul>
 *   <li>{@link #decision1000Events}: the full decision for a 5-day CIVIK episode of about 1,000
 *       events at the time of its last event, against {@link #decisionBaselineFold}, one trivial
 *       pass over the same events.
 *   <li>{@link #meddOneOrder} and {@link #medd24Orders}: MEDD with us-palliative@1.0, against
 *       {@link #meddBaselineSum24}, a plain BigDecimal sum over the 24 exposures.
 *   <li>{@link #decisionPartSequenceCheck} (and its presized variant): a copy of the input check the
 *       engine repeats on every call, measured to attribute part of the decision's time.
 * </ul>
 *
 * Inputs are built in {@code @Setup} from a fixed seed and checked there, so that a benchmark never
 * measures a path that throws or skips the work.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClinicalCoreBenchmark {
  static final long SEED = 20_240_304L;

  /** The CIVIK episode: protocol, patient, about 1,000 events, and the time of the last one. */
  @State(Scope.Benchmark)
  public static class Episode {
    Protocol protocol;
    Patient patient;
    List<EpisodeEvent> events;
    /** The same events as a log checked once (order, unique ids), as the server and replay hold them. */
    org.ketapath.core.episode.EpisodeLog log;
    Instant now;

    @Setup(Level.Trial)
    public void build() {
      protocol = ProtocolCatalog.builtIn().require("CIVIK", "1.0.0");
      CivikEpisode e = new CivikEpisode(SEED);
      patient = e.patient;
      events = e.events;
      now = e.lastEventAt;
      log = org.ketapath.core.episode.EpisodeLog.of(events);
      if (events.size() < 900 || events.size() > 1_100) {
        throw new IllegalStateException("expected about 1,000 events, built " + events.size());
      }
      Decision d = DecisionEngine.decide(protocol, patient, events, now);
      if (d.action() == Action.BLOCKED || d.currentRate().isEmpty()) {
        throw new IllegalStateException("the episode should be running at its last event: " + d.action() + " "
            + d.reasons());
      }
    }
  }

  /** Opioid orders and the conversion table of the comparison. */
  @State(Scope.Benchmark)
  public static class Opioids {
    ConversionTable table;
    List<OpioidExposure> one;
    List<OpioidExposure> twentyFour;
    Instant windowEnd;

    @Setup(Level.Trial)
    public void build() {
      table = ConversionTables.builtIn("us-palliative", "1.0");
      one = OpioidOrders.one();
      twentyFour = OpioidOrders.twentyFour();
      windowEnd = OpioidOrders.WINDOW_END;
      MeddResult r = MeddCalculator.calculate(table, twentyFour, windowEnd);
      if (r.lines().size() != twentyFour.size()) {
        throw new IllegalStateException("every order should count in the window, counted " + r.lines().size());
      }
      if (MeddCalculator.calculate(table, one, windowEnd).lines().size() != 1) {
        throw new IllegalStateException("the single order should count in the window");
      }
    }
  }

  @Benchmark
  public Decision decision1000Events(Episode e) {
    return DecisionEngine.decide(e.protocol, e.patient, e.events, e.now);
  }

  /** The decision over a log already checked when its events were appended. */
  @Benchmark
  public Decision decision1000EventsCheckedLog(Episode e) {
    return DecisionEngine.decide(e.protocol, e.patient, e.log, e.now);
  }

  /** Baseline: one pass over the same events reading two fields of each. */
  @Benchmark
  public long decisionBaselineFold(Episode e) {
    long sum = 0;
    for (EpisodeEvent ev : e.events) {
      sum += ev.at().getEpochSecond() + ev.id().length();
    }
    return sum;
  }

  /**
   * Attribution, not a baseline: the sequence check (time order, unique ids) that decide() runs on
   * a plain list and skips for an EpisodeLog, to show its share of decision1000Events.
   */
  @Benchmark
  public int decisionPartSequenceCheck(Episode e) {
    return org.ketapath.core.episode.EpisodeLog.of(e.events).size();
  }

  @Benchmark
  public MeddResult meddOneOrder(Opioids o) {
    return MeddCalculator.calculate(o.table, o.one, o.windowEnd);
  }

  @Benchmark
  public MeddResult medd24Orders(Opioids o) {
    return MeddCalculator.calculate(o.table, o.twentyFour, o.windowEnd);
  }

  /** Baseline: the BigDecimal sum of the 24 exposures' amounts or rates, the least arithmetic a MEDD needs. */
  @Benchmark
  public BigDecimal meddBaselineSum24(Opioids o) {
    BigDecimal sum = BigDecimal.ZERO;
    for (OpioidExposure x : o.twentyFour) {
      if (x instanceof OpioidExposure.Dose d) {
        sum = sum.add(d.amount().value());
      } else if (x instanceof OpioidExposure.Infusion i) {
        sum = sum.add(i.rate().value());
      } else {
        sum = sum.add(((OpioidExposure.Patch) x).rate().value());
      }
    }
    return sum;
  }
}
