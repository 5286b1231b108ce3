package org.ketapath.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ketapath.core.dose.BodyWeight;
import org.ketapath.core.dose.DoseRate;
import org.ketapath.core.dose.MgPerHour;
import org.ketapath.core.dose.MgPerKgPerHour;

class BuiltInProtocolsTest {
  private final ProtocolCatalog catalog = ProtocolCatalog.builtIn();

  @Test
  @DisplayName("CIVIK-3 CIVIK-4 CIVIK-5 CIVIK-6: CIVIK numbers as published")
  void civikNumbers() {
    Protocol p = catalog.require("CIVIK", "1.0.0");
    assertThat(p.dosing().start().value()).isEqualTo(new DoseRate.WeightBased(MgPerKgPerHour.of("0.05")));
    assertThat(p.dosing().start().rules()).contains("CIVIK-3");
    assertThat(p.dosing().ceiling().value()).isEqualTo(MgPerKgPerHour.of("0.5"));
    assertThat(p.dosing().ceiling().rules()).contains("CIVIK-5", "GDL-4");
    TitrationPlan.ScheduledReview t = (TitrationPlan.ScheduledReview) p.titration();
    assertThat(t.reviewEvery().value()).isEqualTo(Duration.ofHours(8));
    assertThat(t.step().value()).isEqualTo(new DoseRate.WeightBased(MgPerKgPerHour.of("0.05")));
    assertThat(t.rescuesInWindowAtLeast().value()).isEqualTo(2);
    assertThat(t.painAbovePpg().localChoice()).isPresent();
    assertThat(p.course().orElseThrow().duration().value()).isEqualTo(Duration.ofHours(120));
    assertThat(p.course().orElseThrow().atEnd()).isEqualTo(Course.AtEnd.STOP);
  }

  @Test
  @DisplayName("INST-3: PAIN-CRISIS cap is the lower of 0.2 mg/kg/h and 20 mg/h")
  void painCrisisCap() {
    Protocol p = catalog.require("PAIN-CRISIS", "1.0.0");
    Dosing.Cap heavy = p.dosing().capFor(BodyWeight.of("120", java.time.Instant.EPOCH));
    assertThat(heavy.rate()).isEqualTo(MgPerHour.of("20"));
    assertThat(heavy.rules()).contains("INST-3");
    Dosing.Cap light = p.dosing().capFor(BodyWeight.of("70", java.time.Instant.EPOCH));
    assertThat(light.rate().compareTo(MgPerHour.of("14"))).isZero();
  }

  @Test
  @DisplayName("OUT-3 OUT-5 GDL-4: outpatient 70 mg/h maximum never exceeds 0.5 mg/kg/h")
  void outpatientCap() {
    Protocol p = catalog.require("OUTPATIENT-SESSIONS", "1.0.0");
    assertThat(p.dosing().capFor(BodyWeight.of("60", java.time.Instant.EPOCH)).rate().compareTo(MgPerHour.of("30")))
        .isZero();
    assertThat(p.dosing().capFor(BodyWeight.of("160", java.time.Instant.EPOCH)).rate()).isEqualTo(MgPerHour.of("70"));
    TitrationPlan.Sessions s = (TitrationPlan.Sessions) p.titration();
    assertThat(s.firstSessionMaximum().value()).isEqualTo(MgPerHour.of("25"));
    assertThat(s.step().localChoice()).isPresent();
  }

  @Test
  @DisplayName("every assumption in the rules is a labelled local choice in the data")
  void assumptionsAreLocalChoices() {
    for (Protocol p : catalog.all()) {
      assertThat(p.localChoices()).as(p.ref()).isNotEmpty();
      assertThat(p.localChoices()).allSatisfy(c -> assertThat(c.localChoice().orElseThrow()).isNotBlank());
    }
  }
}
