package org.ketapath.core.dose;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a calculated mL/h is made programmable on the pump (DOSE-3): to the pump's resolution, in a
 * stated direction. The default direction is DOWN, so a rounded rate never delivers more than the
 * dose it stands for; the rounding is always shown beside the exact value.
 */
public record PumpRounding(BigDecimal resolution, RoundingMode direction) {
  public static final PumpRounding DEFAULT = new PumpRounding(new BigDecimal("0.1"), RoundingMode.DOWN);

  public PumpRounding {
    if (resolution == null || resolution.signum() <= 0) {
      throw new IllegalArgumentException("pump resolution must be positive");
    }
    if (direction != RoundingMode.DOWN && direction != RoundingMode.UP && direction != RoundingMode.HALF_UP) {
      throw new IllegalArgumentException("pump rounding direction must be DOWN, UP or HALF_UP, got " + direction);
    }
  }

  public MlPerHour round(MlPerHour exact) {
    BigDecimal steps = exact.value().divide(resolution, 0, direction);
    return new MlPerHour(steps.multiply(resolution).stripTrailingZeros());
  }

  public String describe() {
    return "rounded " + switch (direction) {
      case DOWN -> "down";
      case UP -> "up";
      default -> "to nearest";
    } + " to " + Decimals.plain(resolution) + " mL/h";
  }
}
