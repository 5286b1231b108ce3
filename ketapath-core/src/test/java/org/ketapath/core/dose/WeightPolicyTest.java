package org.ketapath.core.dose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketapath.core.KetaPathException;
import org.ketapath.core.engine.Action;
import org.ketapath.core.engine.Decision;
import org.ketapath.core.engine.DecisionEngine;
import org.ketapath.core.episode.Actor;
import org.ketapath.core.episode.EpisodeEvent;
import org.ketapath.core.episode.Patient;
import org.ketapath.core.episode.Role;
import org.ketapath.core.protocol.Protocol;
import org.ketapath.core.protocol.ProtocolCatalog;

/**
 * DOSE-2: a weight-based dose needs a recorded, plausible, recent weight. Checked on the policy of
 * every shipped protocol (25-300 kg; 7 days inpatient, 30 days outpatient) and through the engine,
 * where the refusal is the decision a nurse sees.
 */
@Tag("DOSE-2")
class WeightPolicyTest {
  private static final Instant NOW = Instant.parse("2024-03-04T08:00:00Z");
  private static final List<Protocol> PROTOCOLS = ProtocolCatalog.builtIn().all();

  private static KetaPathException refusal(WeightPolicy policy, Optional<BodyWeight> w) {
    Throwable t = catchThrowable(() -> policy.require(w, NOW));
    assertThat(t).as("weight %s must be refused", w).isInstanceOf(KetaPathException.class);
    KetaPathException e = (KetaPathException) t;
    assertThat(e.ruleIds()).containsExactly("DOSE-2");
    assertThat(e.code()).isEqualTo("DOSE-WEIGHT");
    assertThat(e.field()).isEqualTo("patient.weight");
    return e;
  }

  @Test
  @DisplayName("DOSE-2: shipped protocols bound plausible weights to 25-300 kg")
  void shippedBounds() {
    assertThat(PROTOCOLS).hasSize(3);
    for (Protocol p : PROTOCOLS) {
      WeightPolicy w = p.weight().value();
      assertThat(w.minKg()).as(p.ref()).isEqualByComparingTo("25");
      assertThat(w.maxKg()).as(p.ref()).isEqualByComparingTo("300");
      assertThat(p.weight().rules()).as(p.ref()).contains("DOSE-2");
    }
  }

  @Test
  @DisplayName("DOSE-2: a missing weight is refused")
  void missing() {
    for (Protocol p : PROTOCOLS) {
      assertThat(refusal(p.weight().value(), Optional.empty()).getMessage()).as(p.ref())
          .contains("No body weight is recorded");
    }
  }

  @ParameterizedTest(name = "DOSE-2: {0} kg is implausible and refused")
  @ValueSource(strings = {"24.9", "300.1", "0.1", "2500", "1000"})
  @Tag("DOSE-2")
  void implausible(String kg) {
    for (Protocol p : PROTOCOLS) {
      KetaPathException e = refusal(p.weight().value(), Optional.of(BodyWeight.of(kg, NOW)));
      assertThat(e.getMessage()).as(p.ref()).contains(kg + " kg", "outside the plausible range 25-300 kg");
    }
  }

  @ParameterizedTest(name = "DOSE-2: {0} kg is at the plausible bound and accepted")
  @ValueSource(strings = {"25", "25.0", "300", "300.0", "70"})
  @Tag("DOSE-2")
  void boundsAreInclusive(String kg) {
    for (Protocol p : PROTOCOLS) {
      BodyWeight w = BodyWeight.of(kg, NOW.minus(Duration.ofHours(1)));
      assertThat(p.weight().value().require(Optional.of(w), NOW)).as(p.ref()).isEqualTo(w);
    }
  }

  @Test
  @DisplayName("DOSE-2: a weight older than the protocol's maximum age is stale and refused; at the limit it is accepted")
  void stale() {
    for (Protocol p : PROTOCOLS) {
      WeightPolicy policy = p.weight().value();
      Duration maxAge = policy.maxAge();
      BodyWeight atLimit = BodyWeight.of("70", NOW.minus(maxAge));
      assertThat(policy.require(Optional.of(atLimit), NOW)).as(p.ref()).isEqualTo(atLimit);
      BodyWeight stale = BodyWeight.of("70", NOW.minus(maxAge).minusSeconds(1));
      assertThat(refusal(policy, Optional.of(stale)).getMessage()).as(p.ref())
          .contains("more than the " + maxAge.toHours() + " h this protocol accepts", "re-weigh");
    }
  }

  @Test
  @DisplayName("DOSE-2: a weight dated in the future is refused")
  void future() {
    for (Protocol p : PROTOCOLS) {
      assertThat(refusal(p.weight().value(), Optional.of(BodyWeight.of("70", NOW.plusSeconds(60)))).getMessage())
          .contains("future");
    }
  }

  @Test
  @DisplayName("DOSE-2: seeded random weights are accepted exactly when plausible and recent")
  void randomWeights() {
    Random r = new Random(20_240_312L);
    WeightPolicy policy = PROTOCOLS.get(0).weight().value();
    for (int i = 0; i < 5_000; i++) {
      BigDecimal kg = BigDecimal.valueOf(1 + r.nextInt(4_000), 1);
      Duration age = Duration.ofMinutes(r.nextInt((int) policy.maxAge().toMinutes() * 2));
      BodyWeight w = new BodyWeight(kg, NOW.minus(age));
      boolean plausible = kg.compareTo(policy.minKg()) >= 0 && kg.compareTo(policy.maxKg()) <= 0;
      boolean recent = age.compareTo(policy.maxAge()) <= 0;
      assertThat(policy.problem(Optional.of(w), NOW).isEmpty()).as("%s kg, %s old", kg, age)
          .isEqualTo(plausible && recent);
    }
  }

  @Test
  @DisplayName("DOSE-2: with an infusion running, the engine holds on a missing, implausible or stale weight, naming DOSE-2")
  void engineHoldsOnWeight() {
    Protocol civik = ProtocolCatalog.builtIn().require("CIVIK", "1.0.0");
    Duration maxAge = civik.weight().value().maxAge();
    Actor nurse = new Actor("rn", Role.NURSE, Optional.empty());
    List<EpisodeEvent> events = List.of(new EpisodeEvent.Started("e1", NOW.minus(Duration.ofHours(1)), nurse,
        DoseRate.parse("0.05 mg/kg/h", "rate")));
    List<Optional<BodyWeight>> bad = List.of(Optional.empty(), Optional.of(BodyWeight.of("24.9", NOW)),
        Optional.of(BodyWeight.of("300.1", NOW)), Optional.of(BodyWeight.of("70", NOW.minus(maxAge).minusSeconds(1))));
    for (Optional<BodyWeight> w : bad) {
      Patient patient = new Patient("p", Optional.empty(), w, Optional.of(4), Map.of(), Optional.empty(),
          Optional.empty());
      Decision d = DecisionEngine.decide(civik, patient, events, NOW);
      assertThat(d.action()).as("%s", w).isEqualTo(Action.HOLD);
      assertThat(d.alsoDo()).as("%s", w).contains(Action.NOTIFY_PAIN_SERVICE);
      assertThat(d.newRate()).as("no rate is calculated from %s", w).isEmpty();
      assertThat(d.reasons()).as("%s", w).anySatisfy(x -> {
        assertThat(x.code()).isEqualTo("WEIGHT");
        assertThat(x.rules()).contains("DOSE-2");
      });
      assertThat(d.ruleIds()).as("%s", w).contains("DOSE-2");
    }
  }
}
