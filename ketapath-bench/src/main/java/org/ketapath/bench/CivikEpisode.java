package org.ketapath.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.ketapath.core.dose.BodyWeight;
import org.ketapath.core.dose.DoseRate;
import org.ketapath.core.dose.MgPerKgPerHour;
import org.ketapath.core.dose.MgPerMl;
import org.ketapath.core.episode.Actor;
import org.ketapath.core.episode.EpisodeEvent;
import org.ketapath.core.episode.PainMechanism;
import org.ketapath.core.episode.Patient;
import org.ketapath.core.episode.Role;
import org.ketapath.core.opioid.Opioid;
import org.ketapath.core.opioid.OpioidAmount;
import org.ketapath.core.opioid.OpioidExposure;
import org.ketapath.core.opioid.OpioidRate;
import org.ketapath.core.opioid.OpioidRoute;
import org.ketapath.core.opioid.OpioidUnit;
import org.ketapath.core.screening.ClinicalFlag;

/**
 * A synthetic 5-day CIVIK episode of about 1,000 events, built from a fixed seed: screening, order,
 * verification and start; the monitor's vital signs every 10 min; an NRS assessment every hour and
 * a sedation check every half hour; IV hydromorphone rescues, likelier while the rate is low; and a
 * rate increase of 0.05 mg/kg/h after each 8-hourly review whose window had NRS above the PPG or two
 * or more rescues, up to 0.5 mg/kg/h. Events are in time order with unique ids, as the engine requires.
 */
public final class CivikEpisode {
  public static final Instant START = Instant.parse("2024-03-04T08:00:00Z");
  public static final int PPG = 4;
  private static final Duration COURSE = Duration.ofHours(120);
  private static final BigDecimal STEP = new BigDecimal("0.05");
  private static final BigDecimal CEILING = new BigDecimal("0.5");

  private static final Actor PHYSICIAN = new Actor("dr.park", Role.PAIN_PHYSICIAN, Optional.of("PALLIATIVE_CARE"));
  private static final Actor PHARMACIST = new Actor("ph.kim", Role.PHARMACIST, Optional.empty());
  private static final Actor NURSE = new Actor("rn.lee", Role.NURSE, Optional.empty());
  private static final Actor MONITOR = new Actor("monitor-7", Role.NURSE, Optional.empty());

  public final Patient patient;
  public final List<EpisodeEvent> events;
  public final Instant lastEventAt;
  public final int rescues;
  public final int rateChanges;

  private record Pending(Instant at, int order, Function<String, EpisodeEvent> make) {}

  public CivikEpisode(long seed) {
    Random r = new Random(seed);
    BodyWeight weight = BodyWeight.of("70", START.minus(Duration.ofHours(2)));
    patient = new Patient("bench-1", Optional.of("synthetic CIVIK episode"), Optional.of(weight), Optional.of(PPG),
        Map.of(), Optional.empty(), Optional.of(PainMechanism.MIXED));

    List<Pending> out = new ArrayList<>();
    Map<ClinicalFlag, Boolean> flags = new EnumMap<>(ClinicalFlag.class);
    flags.put(ClinicalFlag.HOSPITALIZED, true);
    flags.put(ClinicalFlag.TERMINAL_CANCER, true);
    for (ClinicalFlag f : List.of(ClinicalFlag.UNCONTROLLED_CARDIOVASCULAR_DISEASE, ClinicalFlag.PREGNANCY,
        ClinicalFlag.ACTIVE_PSYCHOSIS, ClinicalFlag.SEVERE_LIVER_DYSFUNCTION,
        ClinicalFlag.ELEVATED_INTRACRANIAL_PRESSURE, ClinicalFlag.ELEVATED_INTRAOCULAR_PRESSURE,
        ClinicalFlag.POSTOPERATIVE)) {
      flags.put(f, false);
    }
    Instant t0 = START;
    add(out, t0.minus(Duration.ofHours(26)), id -> new EpisodeEvent.OpioidGiven(id, t0.minus(Duration.ofHours(26)),
        PHYSICIAN, new OpioidExposure.Infusion(Opioid.HYDROMORPHONE, OpioidRoute.IV,
        new OpioidRate(new BigDecimal("1.5"), OpioidUnit.MG), t0.minus(Duration.ofHours(26)), null),
        Optional.of("PALLIATIVE_CARE")));
    add(out, t0.minus(Duration.ofMinutes(90)), id -> new EpisodeEvent.Screened(id, t0.minus(Duration.ofMinutes(90)),
        PHYSICIAN, flags));
    add(out, t0.minus(Duration.ofMinutes(80)), id -> new EpisodeEvent.Ordered(id, t0.minus(Duration.ofMinutes(80)),
        PHYSICIAN, Optional.of(MgPerMl.of("1")), Optional.empty()));
    add(out, t0.minus(Duration.ofMinutes(79)), id -> new EpisodeEvent.Signed(id, t0.minus(Duration.ofMinutes(79)),
        PHYSICIAN));
    add(out, t0.minus(Duration.ofMinutes(30)), id -> new EpisodeEvent.PharmacistVerified(id,
        t0.minus(Duration.ofMinutes(30)), PHARMACIST, MgPerMl.of("1"), weight, rate(STEP)));
    add(out, t0, id -> new EpisodeEvent.Started(id, t0, NURSE, rate(STEP)));

    BigDecimal current = STEP;
    int[] nrsByHour = new int[(int) COURSE.toHours()];
    int[] rescuesByHour = new int[nrsByHour.length];
    int rescueCount = 0;
    int changes = 0;
    for (int h = 0; h < nrsByHour.length; h++) {
      Instant hour = t0.plus(Duration.ofHours(h));
      if (h > 0 && h % 8 == 0) {
        int rescuesInWindow = 0;
        for (int k = h - 8; k < h; k++) {
          rescuesInWindow += rescuesByHour[k];
        }
        boolean increase = nrsByHour[h - 1] > PPG || rescuesInWindow >= 2;
        if (increase && current.compareTo(CEILING) < 0) {
          current = current.add(STEP);
          BigDecimal next = current;
          Instant at = hour.plus(Duration.ofMinutes(12));
          add(out, at, id -> new EpisodeEvent.RateChange(id, at, NURSE, rate(next), Optional.of("8-hourly review"),
              false));
          changes++;
        }
      }
      // Pain falls as the rate rises: about NRS 7.5 at 0.05 mg/kg/h, about 3.5 at 0.45 mg/kg/h.
      double expected = 8.0 - 10.0 * current.doubleValue() + r.nextGaussian();
      int nrs = (int) Math.max(0, Math.min(10, Math.round(expected)));
      nrsByHour[h] = nrs;
      Instant assessed = hour.plus(Duration.ofMinutes(5));
      Optional<Integer> ppg = h == 0 ? Optional.of(PPG) : Optional.empty();
      int possAtAssessment = 1 + r.nextInt(2);
      add(out, assessed, id -> new EpisodeEvent.Assessment(id, assessed, NURSE, Optional.of(nrs), ppg,
          Optional.of(possAtAssessment), Optional.of(0)));
      Instant sedation = hour.plus(Duration.ofMinutes(35));
      int poss = 1 + r.nextInt(2);
      add(out, sedation, id -> new EpisodeEvent.Assessment(id, sedation, NURSE, Optional.empty(), Optional.empty(),
          Optional.of(poss), Optional.of(0)));
      double rescueChance = Math.max(0.05, 0.45 - current.doubleValue());
      if (r.nextDouble() < rescueChance) {
        Instant given = hour.plus(Duration.ofMinutes(15 + r.nextInt(40)));
        add(out, given, id -> new EpisodeEvent.OpioidGiven(id, given, NURSE, new OpioidExposure.Dose(
            Opioid.HYDROMORPHONE, OpioidRoute.IV, new OpioidAmount(new BigDecimal("1.5"), OpioidUnit.MG), given, true),
            Optional.of("PALLIATIVE_CARE")));
        rescuesByHour[h]++;
        rescueCount++;
      }
      for (int m = 10; m <= 60; m += 10) {
        Instant at = hour.plus(Duration.ofMinutes(m));
        if (!at.isBefore(t0.plus(COURSE))) {
          break;
        }
        int sys = 112 + r.nextInt(28);
        int dia = 62 + r.nextInt(22);
        int hr = 72 + r.nextInt(26);
        int rr = 12 + r.nextInt(6);
        int spo2 = 93 + r.nextInt(6);
        add(out, at, id -> new EpisodeEvent.VitalSigns(id, at, MONITOR, Optional.of(sys), Optional.of(dia),
            Optional.of(hr), Optional.of(rr), Optional.of(spo2)));
      }
    }
    out.sort(Comparator.comparing(Pending::at).thenComparingInt(Pending::order));
    List<EpisodeEvent> built = new ArrayList<>(out.size());
    for (int i = 0; i < out.size(); i++) {
      built.add(out.get(i).make().apply(String.format("e%04d", i + 1)));
    }
    events = List.copyOf(built);
    lastEventAt = events.get(events.size() - 1).at();
    rescues = rescueCount;
    rateChanges = changes;
  }

  private static void add(List<Pending> out, Instant at, Function<String, EpisodeEvent> make) {
    out.add(new Pending(at, out.size(), make));
  }

  private static DoseRate rate(BigDecimal mgPerKgPerHour) {
    return new DoseRate.WeightBased(new MgPerKgPerHour(mgPerKgPerHour));
  }
}
