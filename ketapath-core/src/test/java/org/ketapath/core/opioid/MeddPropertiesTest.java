package org.ketapath.core.opioid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketapath.core.opioid.Exposures.END;
import static org.ketapath.core.opioid.Exposures.table;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MEDD-1 properties over seeded random regimens: MEDD is the sum of its exposures (additive over
 * any split of the list) and does not depend on their order. The seed is fixed, so a failure is
 * reproducible; the exposures range from 36 h before to 6 h after the window end.
 */
@Tag("MEDD-1")
@Tag("MEDD-2")
class MeddPropertiesTest {
  private static final long SEED = 20250302L;
  private static final int TRIALS = 200;
  /** Parenteral MEDD is a 34-digit division; additivity holds to far below any clinical meaning. */
  private static final BigDecimal DIVISION_TOLERANCE = new BigDecimal("1e-25");

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"us-palliative", "uk-palliative", "anzca-fpm-2021"})
  @DisplayName("MEDD-1: MEDD is additive over exposures and invariant to their order")
  void meddIsAdditiveAndOrderInvariant(String tableId) {
    ConversionTable t = table(tableId);
    Random random = new Random(SEED);
    int trialsWithOpioidInWindow = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      List<OpioidExposure> all = new ArrayList<>();
      int n = 1 + random.nextInt(12);
      for (int i = 0; i < n; i++) {
        all.add(randomExposure(random));
      }
      MeddResult whole = MeddCalculator.calculate(t, all, END);
      if (!whole.lines().isEmpty()) {
        trialsWithOpioidInWindow++;
      }

      BigDecimal sumOfSingles = BigDecimal.ZERO;
      int rescuesOfSingles = 0;
      for (OpioidExposure e : all) {
        MeddResult single = MeddCalculator.calculate(t, List.of(e), END);
        sumOfSingles = sumOfSingles.add(single.oral().mgPerDay());
        rescuesOfSingles += single.rescueDoses();
      }
      String context = "trial " + trial + " with seed " + SEED + ": " + all;
      assertThat(whole.oral().mgPerDay()).as(context).isEqualByComparingTo(sumOfSingles);
      assertThat(whole.rescueDoses()).as(context).isEqualTo(rescuesOfSingles);

      int cut = random.nextInt(all.size() + 1);
      MeddResult left = MeddCalculator.calculate(t, all.subList(0, cut), END);
      MeddResult right = MeddCalculator.calculate(t, all.subList(cut, all.size()), END);
      assertThat(whole.oral().mgPerDay()).as(context)
          .isEqualByComparingTo(left.oral().mgPerDay().add(right.oral().mgPerDay()));
      BigDecimal parenteralSum = left.parenteral().orElseThrow().mgPerDay()
          .add(right.parenteral().orElseThrow().mgPerDay());
      assertThat(whole.parenteral().orElseThrow().mgPerDay().subtract(parenteralSum).abs()).as(context)
          .isLessThanOrEqualTo(DIVISION_TOLERANCE);

      List<OpioidExposure> shuffled = new ArrayList<>(all);
      Collections.shuffle(shuffled, random);
      MeddResult reordered = MeddCalculator.calculate(t, shuffled, END);
      assertThat(reordered.oral().mgPerDay()).as(context).isEqualByComparingTo(whole.oral().mgPerDay());
      assertThat(reordered.parenteral().orElseThrow().mgPerDay()).as(context)
          .isEqualByComparingTo(whole.parenteral().orElseThrow().mgPerDay());
      assertThat(reordered.rescueDoses()).as(context).isEqualTo(whole.rescueDoses());
      assertThat(reordered.warnings()).as(context).isEqualTo(whole.warnings());
      assertThat(reordered.lines()).as(context).hasSameSizeAs(whole.lines());
    }
    assertThat(trialsWithOpioidInWindow).as("trials that exercised the sum").isGreaterThan(TRIALS * 3 / 4);
  }

  /** A random exposure of a drug and route that all three palliative tables cover. */
  private static OpioidExposure randomExposure(Random random) {
    Instant at = END.minus(Duration.ofMinutes(-360 + random.nextInt(42 * 60)));
    Instant later = at.plus(Duration.ofMinutes(random.nextInt(48 * 60)));
    Instant until = random.nextBoolean() ? null : later;
    return switch (random.nextInt(7)) {
      case 0 -> new OpioidExposure.Dose(Opioid.MORPHINE, OpioidRoute.ORAL, mg(random, 5, 200), at, random.nextBoolean());
      case 1 -> new OpioidExposure.Dose(Opioid.OXYCODONE, OpioidRoute.ORAL, mg(random, 5, 80), at, random.nextBoolean());
      case 2 -> new OpioidExposure.Dose(Opioid.HYDROMORPHONE, OpioidRoute.SC, mg(random, 1, 10), at, random.nextBoolean());
      case 3 -> new OpioidExposure.Infusion(Opioid.MORPHINE, OpioidRoute.IV,
          new OpioidRate(BigDecimal.valueOf(5 + random.nextInt(100), 1), OpioidUnit.MG), at, until);
      case 4 -> new OpioidExposure.Infusion(Opioid.FENTANYL, OpioidRoute.SC,
          new OpioidRate(BigDecimal.valueOf(5 + random.nextInt(100)), OpioidUnit.MCG), at, until);
      case 5 -> new OpioidExposure.Infusion(Opioid.OXYCODONE, OpioidRoute.IV,
          new OpioidRate(BigDecimal.valueOf(5 + random.nextInt(60), 1), OpioidUnit.MG), at, until);
      default -> new OpioidExposure.Patch(Opioid.FENTANYL,
          new OpioidRate(BigDecimal.valueOf(12 + random.nextInt(200)), OpioidUnit.MCG), at, until);
    };
  }

  private static OpioidAmount mg(Random random, int min, int max) {
    return new OpioidAmount(BigDecimal.valueOf(min * 10L + random.nextInt((max - min) * 10 + 1), 1), OpioidUnit.MG);
  }
}
