package org.ketapath.server.episode;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/**
 * A dose or rate as written, always with its unit (DOSE-1): for example {@code {"value": 10,
 * "unit": "mg/h"}}. Which units a field accepts is checked where it is used.
 */
@Schema(description = "A number with its unit, e.g. {\"value\": 0.1, \"unit\": \"mg/kg/h\"} (DOSE-1)")
public record Quantity(
    @NotNull(message = "[DOSE-1] a value is required") @Positive(message = "[DOSE-1] must be above 0")
    @DecimalMax(value = "100000", message = "[DOSE-1] is not a plausible dose") BigDecimal value,
    @NotBlank(message = "[DOSE-1] a unit is required") String unit) {

  public static Quantity of(BigDecimal value, String unit) {
    return new Quantity(value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros(), unit);
  }

  @Override
  public String toString() {
    return value.toPlainString() + " " + unit;
  }
}
