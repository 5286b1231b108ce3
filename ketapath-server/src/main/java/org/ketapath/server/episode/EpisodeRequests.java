package org.ketapath.server.episode;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Request bodies of the episode API. Every append names the stream version it expects
 * ({@code expectedVersion}) and may say when it happened ({@code occurredAt}, default now). Messages
 * start with the rule ID in brackets, which the problem response reports as {@code rule}.
 */
public final class EpisodeRequests {
  private EpisodeRequests() {}

  /** Common to every append. */
  public interface Append {
    Integer expectedVersion();

    Instant occurredAt();
  }

  private static final String TEXT = "[OUTC-1] at most 2000 characters";

  public record OpenEpisode(@NotNull(message = "[INST-1] patientId is required") UUID patientId,
      @NotBlank(message = "[GDL-1] protocolId is required") String protocolId,
      @NotBlank(message = "[GDL-1] protocolVersion is required") String protocolVersion) {}

  public record Screening(
      @NotNull(message = "[STREAM] expectedVersion is required") @Min(0) Integer expectedVersion,
      Instant occurredAt,
      @NotNull(message = "[NRS] painNrs is required") @Min(value = 0, message = "[NRS] NRS is an integer 0-10")
      @Max(value = 10, message = "[NRS] NRS is an integer 0-10") Integer painNrs,
      @NotNull(message = "[PPG] painGoal is required") @Min(value = 0, message = "[PPG] the pain goal is an NRS 0-10")
      @Max(value = 10, message = "[PPG] the pain goal is an NRS 0-10") Integer painGoal,
      @PositiveOrZero(message = "[MEDD-1] MEDD cannot be negative") @DecimalMax(value = "100000", message = "[MEDD-1] implausible MEDD")
      BigDecimal ivMeddMgPerDay,
      @Min(value = 0, message = "[CIVIK-2] rescues cannot be negative") @Max(value = 200, message = "[CIVIK-2] implausible rescue count")
      Integer rescuesLast24h,
      @Schema(description = "GDL-3 contraindications present (none: empty)") List<@NotBlank @Size(max = 200) String> contraindications,
      @Schema(description = "GDL-2 prerequisites not documented") List<@NotBlank @Size(max = 200) String> prerequisitesMissing,
      @Size(max = 2000, message = TEXT) String notes) implements Append {}

  public record Order(
      @NotNull(message = "[STREAM] expectedVersion is required") @Min(0) Integer expectedVersion,
      Instant occurredAt,
      @NotNull(message = "[DOSE-1] startRate is required") @Valid Quantity startRate,
      @NotNull(message = "[DOSE-4] maxRate is required") @Valid Quantity maxRate,
      @NotNull(message = "[DOSE-3] concentration (mg/mL) is required") @Valid Quantity concentration,
      @DecimalMin(value = "25", message = "[DOSE-2] weightKg must be a plausible adult weight (25-300 kg)")
      @DecimalMax(value = "300", message = "[DOSE-2] weightKg must be a plausible adult weight (25-300 kg)") BigDecimal weightKg,
      Instant weightMeasuredAt,
      @Size(max = 2000, message = TEXT) String notes) implements Append {}

  public record Signature(
      @NotNull(message = "[STREAM] expectedVersion is required") @Min(0) Integer expectedVersion,
      Instant occurredAt,
      @Size(max = 2000, message = TEXT) String statement) implements Append {}

  public record Verification(
      @NotNull(message = "[STREAM] expectedVersion is required") @Min(0) Integer expectedVersion,
      Instant occurredAt,
      @NotNull(message = "[DOSE-3] concentration is required") @Valid Quantity concentration,
      @NotNull(message = "[DOSE-2] weightKg is required")
      @DecimalMin(value = "25", message = "[DOSE-2] weightKg must be a plausible adult weight (25-300 kg)")
      @DecimalMax(value = "300", message = "[DOSE-2] weightKg must be a plausible adult weight (25-300 kg)") BigDecimal weightKg,
      @NotNull(message = "[DOSE-4] dose is required") @Valid Quantity dose,
      @Size(max = 2000, message = TEXT) String notes) implements Append {}

  public record Start(
      @NotNull(message = "[STREAM] expectedVersion is required") @Min(0) Integer expectedVersion,
      Instant occurredAt,
      @NotNull(message = "[DOSE-1] rate is required") @Valid Quantity rate,
      @Size(max = 2000, message = TEXT) String overrideReason) implements Append {}

  public record Assessment(
      @NotNull(message = "[STREAM] expectedVersion is required") @Min(0) Integer expectedVersion,
      Instant occurredAt,
      @NotNull(message = "[NRS] nrs is required") @Min(value = 0, message = "[NRS] NRS is an integer 0-10")
      @Max(value = 10, message = "[NRS] NRS is an integer 0-10") Integer nrs,
      @Min(value = 1, message = "[GDL-6] POSS sedation is 1-4") @Max(value = 4, message = "[GDL-6] POSS sedation is 1-4") Integer sedationPoss,
      @Size(max = 2000, message = TEXT) String comment) implements Append {}

  public record VitalSigns(
      @NotNull(message = "[STREAM] expectedVersion is required") @Min(0) Integer expectedVersion,
      Instant occurredAt,
      @Min(value = 40, message = "[INST-5] systolic must be 40-300 mm Hg") @Max(value = 300, message = "[INST-5] systolic must be 40-300 mm Hg") Integer systolic,
      @Min(value = 20, message = "[INST-5] diastolic must be 20-200 mm Hg") @Max(value = 200, message = "[INST-5] diastolic must be 20-200 mm Hg") Integer diastolic,
      @Min(value = 20, message = "[INST-5] heartRate must be 20-250 /min") @Max(value = 250, message = "[INST-5] heartRate must be 20-250 /min") Integer heartRate,
      @Min(value = 0, message = "[INST-5] respiratoryRate must be 0-80 /min") @Max(value = 80, message = "[INST-5] respiratoryRate must be 0-80 /min") Integer respiratoryRate,
      @Min(value = 50, message = "[INST-6] spo2 must be 50-100 %") @Max(value = 100, message = "[INST-6] spo2 must be 50-100 %") Integer spo2)
      implements Append {}

  public record RescueDose(
      @NotNull(message = "[STREAM] expectedVersion is required") @Min(0) Integer expectedVersion,
      Instant occurredAt,
      @NotBlank(message = "[MEDD-1] drug is required") @Size(max = 100) String drug,
      @NotNull(message = "[MEDD-1] dose is required") @Valid Quantity dose,
      @NotBlank(message = "[MEDD-1] route is required") @Pattern(regexp = "IV|SC|PO|SL|TD|IN|PR", message = "[MEDD-1] route is IV, SC, PO, SL, TD, IN or PR") String route)
      implements Append {}

  public record RateChange(
      @NotNull(message = "[STREAM] expectedVersion is required") @Min(0) Integer expectedVersion,
      Instant occurredAt,
      @NotNull(message = "[DOSE-1] rate is required") @Valid Quantity rate,
      @NotBlank(message = "[OUTC-1] reason is required") @Size(max = 2000, message = TEXT) String reason,
      @Schema(description = "Pain physician only: accept a rate above the order's maximum (DOSE-4)")
      @Size(max = 2000, message = TEXT) String overrideReason) implements Append {}

  public record Bolus(
      @NotNull(message = "[STREAM] expectedVersion is required") @Min(0) Integer expectedVersion,
      Instant occurredAt,
      @NotNull(message = "[GDL-5] dose is required") @Valid Quantity dose,
      @NotBlank(message = "[OUTC-1] reason is required") @Size(max = 2000, message = TEXT) String reason) implements Append {}

  public record SideEffect(
      @NotNull(message = "[STREAM] expectedVersion is required") @Min(0) Integer expectedVersion,
      Instant occurredAt,
      @NotBlank(message = "[GDL-6] effect is required") @Size(max = 100) String effect,
      @Pattern(regexp = "MILD|MODERATE|SEVERE", message = "[GDL-6] severity is MILD, MODERATE or SEVERE") String severity,
      @Size(max = 2000, message = TEXT) String action) implements Append {}

  public record AdverseEvent(
      @NotNull(message = "[STREAM] expectedVersion is required") @Min(0) Integer expectedVersion,
      Instant occurredAt,
      @NotBlank(message = "[OUT-6] category is required")
      @Pattern(regexp = "NEUROLOGICAL|GASTROINTESTINAL|CARDIOVASCULAR|PSYCHIATRIC|RESPIRATORY|OTHER", message = "[OUT-6] category is NEUROLOGICAL, GASTROINTESTINAL, CARDIOVASCULAR, PSYCHIATRIC, RESPIRATORY or OTHER") String category,
      @NotBlank(message = "[OUT-6] term is required") @Size(max = 200) String term,
      @NotNull(message = "[CIVIK-8] grade is required") @Min(value = 1, message = "[CIVIK-8] CTCAE grade is 1-5") @Max(value = 5, message = "[CIVIK-8] CTCAE grade is 1-5") Integer grade,
      Boolean attributedToKetamine,
      @Size(max = 2000, message = TEXT) String resolution) implements Append {}

  public record Override(
      @NotNull(message = "[STREAM] expectedVersion is required") @Min(0) Integer expectedVersion,
      Instant occurredAt,
      @NotBlank(message = "[DOSE-4] the rule being overridden is required") @Size(max = 50) String rule,
      @NotBlank(message = "[DOSE-4] an override needs a reason") @Size(max = 2000, message = TEXT) String reason,
      @Size(max = 2000, message = TEXT) String detail) implements Append {}

  public record TaperStep(
      @NotNull(message = "[STREAM] expectedVersion is required") @Min(0) Integer expectedVersion,
      Instant occurredAt,
      @NotNull(message = "[DOSE-1] rate is required") @Valid Quantity rate,
      @Size(max = 2000, message = TEXT) String reason) implements Append {}

  public record Stop(
      @NotNull(message = "[STREAM] expectedVersion is required") @Min(0) Integer expectedVersion,
      Instant occurredAt,
      @NotBlank(message = "[OUTC-1] reason is required") @Size(max = 2000, message = TEXT) String reason) implements Append {}

  public record Outcome(
      @NotNull(message = "[STREAM] expectedVersion is required") @Min(0) Integer expectedVersion,
      Instant occurredAt,
      @NotNull(message = "[CIVIK-7] response is required")
      @Pattern(regexp = "COMPLETE|PARTIAL|NONE", message = "[CIVIK-7] response is COMPLETE, PARTIAL or NONE") String response,
      @Size(max = 2000, message = TEXT) String notes) implements Append {}
}
