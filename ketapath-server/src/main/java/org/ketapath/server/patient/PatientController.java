package org.ketapath.server.patient;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.ketapath.server.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Patients and their dated weights (DOSE-2). Weights are appended, never edited. */
@RestController
@RequestMapping("/api/patients")
@Tag(name = "Patients")
public class PatientController {
  public record NewPatient(
      @NotBlank(message = "[OUTC-1] mrn is required") @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+", message = "[OUTC-1] mrn is letters, digits and -") String mrn,
      @NotBlank(message = "[OUTC-1] familyName is required") @Size(max = 200) String familyName,
      @NotBlank(message = "[OUTC-1] givenName is required") @Size(max = 200) String givenName,
      @Past(message = "[OUTC-1] birthDate must be in the past") LocalDate birthDate,
      @NotBlank(message = "[OUTC-1] ward is required") @Size(max = 64) String ward,
      org.ketapath.core.episode.PainMechanism painMechanism,
      org.ketapath.core.screening.NeuropathicCause neuropathicCause) {}

  public record Patient(UUID id, String mrn, String familyName, String givenName, LocalDate birthDate, String ward,
      Instant createdAt, String createdBy, org.ketapath.core.episode.PainMechanism painMechanism,
      org.ketapath.core.screening.NeuropathicCause neuropathicCause) {}

  public record NewWeight(
      @NotNull(message = "[DOSE-2] kg is required")
      @DecimalMin(value = "25", message = "[DOSE-2] kg must be a plausible adult weight (25-300 kg)")
      @DecimalMax(value = "300", message = "[DOSE-2] kg must be a plausible adult weight (25-300 kg)") BigDecimal kg,
      @NotNull(message = "[DOSE-2] measuredAt is required: a weight without its date cannot be checked for staleness")
      Instant measuredAt) {}

  public record Weight(long id, BigDecimal kg, Instant measuredAt, Instant recordedAt, String recordedBy) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  public PatientController(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @PostMapping
  @Transactional
  @Operation(summary = "Register a patient on a ward")
  public ResponseEntity<Patient> create(@Valid @RequestBody NewPatient body, Authentication auth) {
    Patient p = new Patient(UUID.randomUUID(), body.mrn(), body.familyName(), body.givenName(), body.birthDate(),
        body.ward(), clock.instant().truncatedTo(ChronoUnit.MICROS), auth.getName(), body.painMechanism(),
        body.neuropathicCause());
    int inserted = jdbc.sql("""
        insert into patient (id, mrn, family_name, given_name, birth_date, ward, created_at, created_by, pain_mechanism,
                             neuropathic_cause)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (mrn) do nothing""")
        .params(p.id(), p.mrn(), p.familyName(), p.givenName(), p.birthDate(), p.ward(), p.createdAt().atOffset(ZoneOffset.UTC),
            p.createdBy(), name(p.painMechanism()), name(p.neuropathicCause()))
        .update();
    if (inserted == 0) {
      throw new ApiProblem(org.springframework.http.HttpStatus.CONFLICT, "MRN-EXISTS", "mrn", List.of(),
          "a patient with this MRN is already registered");
    }
    return ResponseEntity.created(URI.create("/api/patients/" + p.id())).body(p);
  }

  @GetMapping
  @Operation(summary = "List patients, optionally of one ward")
  public List<Patient> list(@RequestParam(required = false) String ward) {
    return jdbc.sql(SELECT + " where (cast(? as text) is null or ward = ?) order by ward, family_name, given_name limit 1000")
        .params(ward, ward).query(PatientController::row).list();
  }

  @GetMapping("/{id}")
  public Patient get(@PathVariable UUID id) {
    return jdbc.sql(SELECT + " where id = ?").param(id).query(PatientController::row).optional()
        .orElseThrow(() -> ApiProblem.notFound("patient", id));
  }

  @PostMapping("/{id}/weights")
  @Transactional
  @Operation(summary = "Record a measured weight with its date (DOSE-2)")
  public ResponseEntity<Weight> addWeight(@PathVariable UUID id, @Valid @RequestBody NewWeight body, Authentication auth) {
    get(id);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    if (body.measuredAt().isAfter(now.plus(Duration.ofMinutes(5)))) {
      throw ApiProblem.invalid("MEASURED-IN-FUTURE", "measuredAt", List.of("DOSE-2"), "measuredAt is in the future");
    }
    long wid = jdbc.sql("""
        insert into patient_weight (patient_id, kg, measured_at, recorded_at, recorded_by) values (?, ?, ?, ?, ?)
        returning id""")
        .params(id, body.kg(), body.measuredAt().atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC), auth.getName())
        .query(Long.class).single();
    return ResponseEntity.created(URI.create("/api/patients/" + id + "/weights/" + wid))
        .body(new Weight(wid, body.kg(), body.measuredAt(), now, auth.getName()));
  }

  @GetMapping("/{id}/weights")
  public List<Weight> weights(@PathVariable UUID id) {
    get(id);
    return jdbc.sql("select id, kg, measured_at, recorded_at, recorded_by from patient_weight where patient_id = ? order by measured_at desc, id desc")
        .param(id)
        .query((rs, n) -> new Weight(rs.getLong(1), rs.getBigDecimal(2),
            rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getObject(4, java.time.OffsetDateTime.class).toInstant(),
            rs.getString(5)))
        .list();
  }

  private static final String SELECT =
      "select id, mrn, family_name, given_name, birth_date, ward, created_at, created_by, pain_mechanism, neuropathic_cause from patient";

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }

  private static Patient row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Patient(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getObject(7, java.time.OffsetDateTime.class).toInstant(),
        rs.getString(8), rs.getString(9) == null ? null : org.ketapath.core.episode.PainMechanism.valueOf(rs.getString(9)),
        rs.getString(10) == null ? null : org.ketapath.core.screening.NeuropathicCause.valueOf(rs.getString(10)));
  }
}
