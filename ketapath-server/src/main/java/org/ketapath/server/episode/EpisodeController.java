package org.ketapath.server.episode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.ketapath.core.engine.Action;
import org.ketapath.core.engine.Decision;
import org.ketapath.core.outcome.EpisodeSummary;
import org.ketapath.server.security.Actors;
import org.ketapath.server.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Episodes. Each write appends one event in the timeline format (docs/timeline-format.md): the body
 * is the event's fields plus {@code expectedVersion} (stale: 409 with the current version and state)
 * and optionally {@code at}; the server sets id, type and by. Every write carries an
 * {@code Idempotency-Key} header: a retry returns the first result and records nothing twice.
 */
@RestController
@RequestMapping("/api/episodes")
@Tag(name = "Episodes", description = "Append-only, hash-chained episode records; decisions by the core engine")
public class EpisodeController {
  static final String KEY_PATTERN = "[A-Za-z0-9._:-]{8,128}";
  static final String KEY_MESSAGE = "[STREAM] Idempotency-Key must be 8-128 characters of A-Z a-z 0-9 . _ : -";
  static final String EVENT_DOC = "Body: the event's fields as in docs/timeline-format.md (doses as strings with units, "
      + "e.g. \"rate\": \"10 mg/h\"), plus \"expectedVersion\" and optionally \"at\". Example: "
      + "{\"expectedVersion\": 7, \"nrs\": 6, \"poss\": 1}";

  public record OpenEpisode(@NotNull(message = "[INST-1] patientId is required") UUID patientId,
      @NotBlank(message = "[GDL-1] protocolId is required") String protocolId,
      @NotBlank(message = "[GDL-1] protocolVersion is required") String protocolVersion) {}

  public record Apply(@NotNull(message = "[STREAM] expectedVersion is required") Integer expectedVersion) {}

  private final EpisodeService episodes;

  public EpisodeController(EpisodeService episodes) {
    this.episodes = episodes;
  }

  @PostMapping
  @Operation(summary = "Open an episode for a patient under a protocol version (pain physician, INST-1)")
  public ResponseEntity<EpisodeService.EpisodeView> open(@Valid @RequestBody OpenEpisode body, Authentication auth) {
    EpisodeService.EpisodeView view = episodes.open(body.patientId(), body.protocolId(), body.protocolVersion(),
        Actors.of(auth));
    return ResponseEntity.created(URI.create("/api/episodes/" + view.episodeId())).body(view);
  }

  @GetMapping
  @Operation(summary = "List episodes with their current decision, optionally of one ward or one patient")
  public List<EpisodeService.EpisodeView> list(@RequestParam(required = false) String ward,
      @RequestParam(required = false) UUID patientId) {
    return episodes.list(ward, patientId);
  }

  @GetMapping("/{id}")
  @Operation(summary = "Current state: stream version, chain head and the engine's decision; ETag is the version")
  public ResponseEntity<EpisodeService.EpisodeView> get(@PathVariable UUID id) {
    EpisodeService.EpisodeView view = episodes.view(id);
    return ResponseEntity.ok().eTag(Integer.toString(view.version())).body(view);
  }

  @GetMapping("/{id}/recommendation")
  @Operation(summary = "The current recommendation: action, rate in mg/kg/h, mg/h and mL/h, reasons with rule IDs, next due times (DOSE-5)")
  public ResponseEntity<com.fasterxml.jackson.databind.JsonNode> recommendation(@PathVariable UUID id) {
    EpisodeService.Recommendation r = episodes.recommendation(id);
    return ResponseEntity.ok().eTag(Integer.toString(r.version())).body(EpisodeEngine.json(r.decision()));
  }

  @GetMapping("/{id}/outcome")
  @Operation(summary = "The episode's outcome record (OUTC-1) with responses (CIVIK-7, OUT-5)")
  public EpisodeSummary outcome(@PathVariable UUID id) {
    return episodes.summary(id);
  }

  @GetMapping("/{id}/events")
  @Operation(summary = "The episode's event stream (timeline events) with its hash chain")
  public List<StoredEvent> events(@PathVariable UUID id) {
    return episodes.events(id);
  }

  @PostMapping("/{id}/recommendation/apply")
  @Operation(summary = "Apply the current recommendation's rate (start, increase, reduce or taper) as recorded by you")
  public ResponseEntity<EpisodeService.Appended> apply(@PathVariable UUID id,
      @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @Valid @RequestBody Apply body, Authentication auth) {
    Decision d = episodes.decision(id);
    String type = switch (d.action()) {
      case START -> "started";
      case INCREASE, REDUCE -> "rateChange";
      case TAPER -> "taperStep";
      default -> null;
    };
    if (type == null || d.newRate().isEmpty()) {
      throw new ApiProblem(HttpStatus.CONFLICT, "NOTHING-TO-APPLY", null, d.ruleIds(),
          "the current recommendation is " + d.action() + "; it has no rate to apply");
    }
    ObjectNode event = CanonicalJson.object();
    event.put("expectedVersion", body.expectedVersion());
    event.put("rate", d.newRate().get().mgPerHour().value().stripTrailingZeros().toPlainString() + " mg/h");
    if (!type.equals("started")) {
      event.put("reason", "applied recommendation " + d.action() + ": "
          + String.join(", ", d.reasons().stream().map(r -> r.code()).toList()));
    }
    return append(id, key, type, event, auth);
  }

  @PostMapping("/{id}/screening")
  @Operation(summary = "Screening facts (flags) by the pain physician (GDL-2, GDL-3, CIVIK-2, INST-2)", description = EVENT_DOC)
  public ResponseEntity<EpisodeService.Appended> screening(@PathVariable UUID id,
      @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @RequestBody ObjectNode body, Authentication auth) {
    return append(id, key, "screened", body, auth);
  }

  @PostMapping("/{id}/orders")
  @Operation(summary = "Order: concentration and optional maxRate (pain physician only, INST-1)", description = EVENT_DOC)
  public ResponseEntity<EpisodeService.Appended> orders(@PathVariable UUID id,
      @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @RequestBody ObjectNode body, Authentication auth) {
    return append(id, key, "ordered", body, auth);
  }

  @PostMapping("/{id}/signature")
  @Operation(summary = "Sign the order (pain physician only, INST-1)", description = EVENT_DOC)
  public ResponseEntity<EpisodeService.Appended> signature(@PathVariable UUID id,
      @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @RequestBody ObjectNode body, Authentication auth) {
    return append(id, key, "signed", body, auth);
  }

  @PostMapping("/{id}/verification")
  @Operation(summary = "Pharmacist verification: concentration, weightKg, dose (DOSE-2, DOSE-3)", description = EVENT_DOC)
  public ResponseEntity<EpisodeService.Appended> verification(@PathVariable UUID id,
      @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @RequestBody ObjectNode body, Authentication auth) {
    return append(id, key, "verified", body, auth);
  }

  @PostMapping("/{id}/overrides")
  @Operation(summary = "Physician override with a reason: FINDING, RATE_ABOVE_CAP (upTo) or DURATION (DOSE-4, GDL-3, INST-9)", description = EVENT_DOC)
  public ResponseEntity<EpisodeService.Appended> overrides(@PathVariable UUID id,
      @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @RequestBody ObjectNode body, Authentication auth) {
    return append(id, key, "override", body, auth);
  }

  @PostMapping("/{id}/boluses")
  @Operation(summary = "Ketamine bolus in mg (physician only, GDL-5)", description = EVENT_DOC)
  public ResponseEntity<EpisodeService.Appended> boluses(@PathVariable UUID id,
      @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @RequestBody ObjectNode body, Authentication auth) {
    return append(id, key, "ketamineBolus", body, auth);
  }

  @PostMapping("/{id}/weights")
  @Operation(summary = "Measured weight for this episode (DOSE-2)", description = EVENT_DOC)
  public ResponseEntity<EpisodeService.Appended> weights(@PathVariable UUID id,
      @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @RequestBody ObjectNode body, Authentication auth) {
    return append(id, key, "weight", body, auth);
  }

  @PostMapping("/{id}/start")
  @Operation(summary = "Start the infusion at a rate (CIVIK-3, INST-3)", description = EVENT_DOC)
  public ResponseEntity<EpisodeService.Appended> start(@PathVariable UUID id,
      @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @RequestBody ObjectNode body, Authentication auth) {
    return append(id, key, "started", body, auth);
  }

  @PostMapping("/{id}/assessments")
  @Operation(summary = "Assessment: nrs 0-10, ppg, poss 1-4, rass", description = EVENT_DOC)
  public ResponseEntity<EpisodeService.Appended> assessments(@PathVariable UUID id,
      @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @RequestBody ObjectNode body, Authentication auth) {
    return append(id, key, "assessment", body, auth);
  }

  @PostMapping("/{id}/vital-signs")
  @Operation(summary = "Vital signs (INST-5, INST-6)", description = EVENT_DOC)
  public ResponseEntity<EpisodeService.Appended> vitalSigns(@PathVariable UUID id,
      @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @RequestBody ObjectNode body, Authentication auth) {
    return append(id, key, "vitals", body, auth);
  }

  @PostMapping("/{id}/opioids")
  @Operation(summary = "Opioid given, infused or applied (MEDD-1, INST-7)", description = EVENT_DOC)
  public ResponseEntity<EpisodeService.Appended> opioids(@PathVariable UUID id,
      @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @RequestBody ObjectNode body, Authentication auth) {
    return append(id, key, "opioid", body, auth);
  }

  @PostMapping("/{id}/rescue-doses")
  @Operation(summary = "Rescue opioid dose given (CIVIK-2, CIVIK-4)", description = EVENT_DOC)
  public ResponseEntity<EpisodeService.Appended> rescueDoses(@PathVariable UUID id,
      @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @RequestBody ObjectNode body, Authentication auth) {
    return append(id, key, "rescue", body, auth);
  }

  @PostMapping("/{id}/medication-orders")
  @Operation(summary = "Active order for an opioid or CNS depressant (INST-7)", description = EVENT_DOC)
  public ResponseEntity<EpisodeService.Appended> medicationOrders(@PathVariable UUID id,
      @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @RequestBody ObjectNode body, Authentication auth) {
    return append(id, key, "medicationOrder", body, auth);
  }

  @PostMapping("/{id}/rate-changes")
  @Operation(summary = "Rate change: a nurse within the order and the protocol (INST-4); above it only after a physician's override (DOSE-4)", description = EVENT_DOC)
  public ResponseEntity<EpisodeService.Appended> rateChanges(@PathVariable UUID id,
      @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @RequestBody ObjectNode body, Authentication auth) {
    return append(id, key, "rateChange", body, auth);
  }

  @PostMapping("/{id}/taper-steps")
  @Operation(summary = "Taper step (INST-8)", description = EVENT_DOC)
  public ResponseEntity<EpisodeService.Appended> taperSteps(@PathVariable UUID id,
      @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @RequestBody ObjectNode body, Authentication auth) {
    return append(id, key, "taperStep", body, auth);
  }

  @PostMapping("/{id}/side-effects")
  @Operation(summary = "Side effect (GDL-6, INST-5, OUT-6)", description = EVENT_DOC)
  public ResponseEntity<EpisodeService.Appended> sideEffects(@PathVariable UUID id,
      @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @RequestBody ObjectNode body, Authentication auth) {
    return append(id, key, "sideEffect", body, auth);
  }

  @PostMapping("/{id}/adverse-events")
  @Operation(summary = "Adverse event with CTCAE grade and attribution (CIVIK-8, OUT-6)", description = EVENT_DOC)
  public ResponseEntity<EpisodeService.Appended> adverseEvents(@PathVariable UUID id,
      @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @RequestBody ObjectNode body, Authentication auth) {
    return append(id, key, "adverseEvent", body, auth);
  }

  @PostMapping("/{id}/session-starts")
  @Operation(summary = "Start of an outpatient session with its baseline (OUT-2, OUT-4)", description = EVENT_DOC)
  public ResponseEntity<EpisodeService.Appended> sessionStarts(@PathVariable UUID id,
      @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @RequestBody ObjectNode body, Authentication auth) {
    return append(id, key, "sessionStart", body, auth);
  }

  @PostMapping("/{id}/session-ends")
  @Operation(summary = "End of an outpatient session (OUT-5)", description = EVENT_DOC)
  public ResponseEntity<EpisodeService.Appended> sessionEnds(@PathVariable UUID id,
      @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @RequestBody ObjectNode body, Authentication auth) {
    return append(id, key, "sessionEnd", body, auth);
  }

  @PostMapping("/{id}/stop")
  @Operation(summary = "Stop the infusion (CIVIK-6, INST-8)", description = EVENT_DOC)
  public ResponseEntity<EpisodeService.Appended> stop(@PathVariable UUID id,
      @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @RequestBody ObjectNode body, Authentication auth) {
    return append(id, key, "stopped", body, auth);
  }

  private ResponseEntity<EpisodeService.Appended> append(UUID id, String key, String type, ObjectNode body,
      Authentication auth) {
    if (body == null) {
      throw ApiProblem.invalid("MALFORMED-JSON", null, List.of(), "a JSON object body is required");
    }
    EpisodeService.Appended appended = episodes.append(id, body.deepCopy(), key, type, Actors.of(auth));
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/episodes/" + id + "/events/" + appended.seq()))
        .eTag(Integer.toString(appended.version()))
        .body(appended);
  }
}
