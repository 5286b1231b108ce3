package org.ketapath.server.episode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.ketapath.server.security.Actors;
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
 * Episodes: each write appends one event. Every append carries {@code expectedVersion} (stale: 409
 * with the current version and state) and an {@code Idempotency-Key} header (a retry returns the
 * first result and records nothing twice).
 */
@RestController
@RequestMapping("/api/episodes")
@Tag(name = "Episodes", description = "Append-only, hash-chained episode records")
public class EpisodeController {
  static final String KEY_PATTERN = "[A-Za-z0-9._:-]{8,128}";
  static final String KEY_MESSAGE = "[STREAM] Idempotency-Key must be 8-128 characters of A-Z a-z 0-9 . _ : -";

  private final EpisodeService episodes;
  private final ObjectMapper mapper;

  public EpisodeController(EpisodeService episodes, ObjectMapper mapper) {
    this.episodes = episodes;
    this.mapper = mapper;
  }

  @PostMapping
  @Operation(summary = "Open an episode for a patient under a protocol version (pain physician, INST-1)")
  public ResponseEntity<EpisodeService.EpisodeView> open(@Valid @RequestBody EpisodeRequests.OpenEpisode body,
      Authentication auth) {
    EpisodeService.EpisodeView view = episodes.open(body.patientId(), body.protocolId(), body.protocolVersion(),
        Actors.of(auth));
    return ResponseEntity.created(URI.create("/api/episodes/" + view.state().episodeId())).body(view);
  }

  @GetMapping
  @Operation(summary = "List episodes, optionally of one ward or one patient")
  public List<EpisodeState> list(@RequestParam(required = false) String ward,
      @RequestParam(required = false) UUID patientId) {
    return episodes.list(ward, patientId);
  }

  @GetMapping("/{id}")
  @Operation(summary = "Current state of an episode, derived from its events; ETag is the stream version")
  public ResponseEntity<EpisodeService.EpisodeView> get(@PathVariable UUID id) {
    EpisodeService.EpisodeView view = episodes.view(id);
    return ResponseEntity.ok().eTag(Integer.toString(view.state().version())).body(view);
  }

  @GetMapping("/{id}/events")
  @Operation(summary = "The episode's event stream with its hash chain")
  public List<StoredEvent> events(@PathVariable UUID id) {
    return episodes.events(id);
  }

  @PostMapping("/{id}/screening")
  @Operation(summary = "Record the screening (pain physician; GDL-2, GDL-3, CIVIK-2)")
  public ResponseEntity<EpisodeService.Appended> screening(@PathVariable UUID id, @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @Valid @RequestBody EpisodeRequests.Screening body, Authentication auth) {
    return append(id, key, EventType.SCREENED, body, auth);
  }

  @PostMapping("/{id}/orders")
  @Operation(summary = "Order the infusion (pain physician only, INST-1)")
  public ResponseEntity<EpisodeService.Appended> order(@PathVariable UUID id, @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @Valid @RequestBody EpisodeRequests.Order body, Authentication auth) {
    return append(id, key, EventType.ORDERED, body, auth);
  }

  @PostMapping("/{id}/signature")
  @Operation(summary = "Sign the order (pain physician only, INST-1)")
  public ResponseEntity<EpisodeService.Appended> sign(@PathVariable UUID id, @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @Valid @RequestBody EpisodeRequests.Signature body, Authentication auth) {
    return append(id, key, EventType.SIGNED, body, auth);
  }

  @PostMapping("/{id}/verification")
  @Operation(summary = "Pharmacist verification of concentration, weight and dose (DOSE-2, DOSE-3)")
  public ResponseEntity<EpisodeService.Appended> verify(@PathVariable UUID id, @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @Valid @RequestBody EpisodeRequests.Verification body, Authentication auth) {
    return append(id, key, EventType.PHARMACIST_VERIFIED, body, auth);
  }

  @PostMapping("/{id}/start")
  @Operation(summary = "Start the infusion")
  public ResponseEntity<EpisodeService.Appended> start(@PathVariable UUID id, @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @Valid @RequestBody EpisodeRequests.Start body, Authentication auth) {
    return append(id, key, EventType.STARTED, body, auth);
  }

  @PostMapping("/{id}/assessments")
  @Operation(summary = "Record a pain assessment (NRS 0-10, sedation)")
  public ResponseEntity<EpisodeService.Appended> assessment(@PathVariable UUID id, @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @Valid @RequestBody EpisodeRequests.Assessment body, Authentication auth) {
    return append(id, key, EventType.ASSESSMENT, body, auth);
  }

  @PostMapping("/{id}/vital-signs")
  @Operation(summary = "Record vital signs (INST-5, INST-6)")
  public ResponseEntity<EpisodeService.Appended> vitals(@PathVariable UUID id, @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @Valid @RequestBody EpisodeRequests.VitalSigns body, Authentication auth) {
    return append(id, key, EventType.VITAL_SIGNS, body, auth);
  }

  @PostMapping("/{id}/rescue-doses")
  @Operation(summary = "Record a rescue opioid dose given (MEDD-1, CIVIK-4)")
  public ResponseEntity<EpisodeService.Appended> rescue(@PathVariable UUID id, @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @Valid @RequestBody EpisodeRequests.RescueDose body, Authentication auth) {
    return append(id, key, EventType.RESCUE_DOSE, body, auth);
  }

  @PostMapping("/{id}/rate-changes")
  @Operation(summary = "Change the rate: nurse within the order (INST-4); above it only a pain physician with overrideReason (DOSE-4)")
  public ResponseEntity<EpisodeService.Appended> rateChange(@PathVariable UUID id, @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @Valid @RequestBody EpisodeRequests.RateChange body, Authentication auth) {
    return append(id, key, EventType.RATE_CHANGE, body, auth);
  }

  @PostMapping("/{id}/boluses")
  @Operation(summary = "Record a bolus (pain physician only; below 0.35 mg/kg, GDL-5)")
  public ResponseEntity<EpisodeService.Appended> bolus(@PathVariable UUID id, @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @Valid @RequestBody EpisodeRequests.Bolus body, Authentication auth) {
    return append(id, key, EventType.BOLUS, body, auth);
  }

  @PostMapping("/{id}/side-effects")
  @Operation(summary = "Record a side effect (GDL-6)")
  public ResponseEntity<EpisodeService.Appended> sideEffect(@PathVariable UUID id, @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @Valid @RequestBody EpisodeRequests.SideEffect body, Authentication auth) {
    return append(id, key, EventType.SIDE_EFFECT, body, auth);
  }

  @PostMapping("/{id}/adverse-events")
  @Operation(summary = "Record an adverse event with category, grade and resolution (OUT-6, CIVIK-8)")
  public ResponseEntity<EpisodeService.Appended> adverseEvent(@PathVariable UUID id, @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @Valid @RequestBody EpisodeRequests.AdverseEvent body, Authentication auth) {
    return append(id, key, EventType.ADVERSE_EVENT, body, auth);
  }

  @PostMapping("/{id}/overrides")
  @Operation(summary = "Physician override of a rule, with a reason (DOSE-4)")
  public ResponseEntity<EpisodeService.Appended> override(@PathVariable UUID id, @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @Valid @RequestBody EpisodeRequests.Override body, Authentication auth) {
    return append(id, key, EventType.OVERRIDE, body, auth);
  }

  @PostMapping("/{id}/taper-steps")
  @Operation(summary = "Record a taper step (INST-8)")
  public ResponseEntity<EpisodeService.Appended> taper(@PathVariable UUID id, @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @Valid @RequestBody EpisodeRequests.TaperStep body, Authentication auth) {
    return append(id, key, EventType.TAPER_STEP, body, auth);
  }

  @PostMapping("/{id}/stop")
  @Operation(summary = "Stop the infusion")
  public ResponseEntity<EpisodeService.Appended> stop(@PathVariable UUID id, @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @Valid @RequestBody EpisodeRequests.Stop body, Authentication auth) {
    return append(id, key, EventType.STOPPED, body, auth);
  }

  @PostMapping("/{id}/outcome")
  @Operation(summary = "Record the episode's outcome (pain physician; CIVIK-7)")
  public ResponseEntity<EpisodeService.Appended> outcome(@PathVariable UUID id, @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
      @Valid @RequestBody EpisodeRequests.Outcome body, Authentication auth) {
    return append(id, key, EventType.OUTCOME, body, auth);
  }

  private ResponseEntity<EpisodeService.Appended> append(UUID id, String key, EventType type,
      EpisodeRequests.Append body, Authentication auth) {
    ObjectNode payload = mapper.valueToTree(body);
    payload.remove("expectedVersion");
    payload.remove("occurredAt");
    EpisodeService.Appended appended = episodes.append(id, body.expectedVersion(), key, type, body.occurredAt(),
        payload, Actors.of(auth));
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/episodes/" + id + "/events/" + appended.seq()))
        .eTag(Integer.toString(appended.version()))
        .body(appended);
  }
}
