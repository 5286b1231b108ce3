package org.ketapath.server.protocol;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Which protocol versions may be used for new episodes. Changes are added rows, so history stays. */
@RestController
@Tag(name = "Protocols")
public class ProtocolController {
  public record ProtocolVersion(String protocolId, String protocolVersion, boolean active, Instant changedAt, String changedBy) {}

  public record Activation(@NotBlank @Size(max = 64) String protocolId, @NotBlank @Size(max = 32) String protocolVersion,
      @NotNull Boolean active) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  public ProtocolController(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A protocol version of the core's catalogue with its source, rules and local choices. */
  public record CatalogueEntry(String id, String version, String title, String summary, String setting, String route,
      String sourceId, String citation, List<String> rules, List<String> orderingServices, String meddTable,
      List<String> localChoices, boolean activeForNewEpisodes, Thresholds thresholds) {}

  /** The protocol's notify thresholds for vital signs and sedation (INST-5, INST-6, GDL-6), for charts. */
  public record Thresholds(int systolicAbove, int diastolicAbove, int heartRateAbove, int respiratoryRateAtOrBelow,
      int oxygenAtOrBelowSpo2, int holdAtPoss, int stopAtPoss) {}

  private static Thresholds thresholds(org.ketapath.core.protocol.Protocol p) {
    var m = p.monitoring();
    var v = m.vitalLimits().value();
    var s = m.sedation().value();
    return new Thresholds(v.systolicAbove(), v.diastolicAbove(), v.heartRateAbove(), v.respiratoryRateAtOrBelow(),
        m.oxygenAtOrBelowSpo2().value(), s.holdAtPoss(), s.stopAtPoss());
  }

  @GetMapping("/api/protocols")
  @Operation(summary = "The protocol catalogue (from the clinical core) and which versions are active for new episodes")
  public List<CatalogueEntry> catalogue() {
    java.util.Set<String> active = new java.util.HashSet<>();
    current().stream().filter(ProtocolVersion::active).forEach(v -> active.add(v.protocolId() + "@" + v.protocolVersion()));
    return org.ketapath.core.protocol.ProtocolCatalog.builtIn().all().stream()
        .map(p -> new CatalogueEntry(p.id(), p.version(), p.title(), p.summary(), String.valueOf(p.setting()), p.route(),
            p.sourceId(), p.citation(), p.rules(), p.orderingServices().value(), p.meddTable().value(),
            p.localChoices().stream().map(c -> c.localChoice().orElse("") + " [" + String.join(", ", c.rules()) + "]").toList(), active.contains(p.ref()),
            thresholds(p)))
        .toList();
  }

  @GetMapping("/api/admin/protocol-versions")
  @Operation(summary = "Every protocol version with its current activation (ADMIN)")
  public List<ProtocolVersion> all() {
    return current();
  }

  @PostMapping("/api/admin/protocol-versions")
  @Transactional
  @Operation(summary = "Activate or retire a protocol version for new episodes (ADMIN)")
  public ProtocolVersion set(@Valid @RequestBody Activation body, Authentication auth) {
    org.ketapath.core.protocol.ProtocolCatalog.builtIn().require(body.protocolId(), body.protocolVersion());
    Instant now = clock.instant();
    jdbc.sql("insert into protocol_activation (protocol_id, protocol_version, active, changed_at, changed_by) values (?, ?, ?, ?, ?)")
        .params(body.protocolId(), body.protocolVersion(), body.active(), now.atOffset(ZoneOffset.UTC), auth.getName())
        .update();
    return new ProtocolVersion(body.protocolId(), body.protocolVersion(), body.active(), now, auth.getName());
  }

  private List<ProtocolVersion> current() {
    return jdbc.sql("""
        select distinct on (protocol_id, protocol_version) protocol_id, protocol_version, active, changed_at, changed_by
        from protocol_activation order by protocol_id, protocol_version, id desc""")
        .query((rs, n) -> new ProtocolVersion(rs.getString(1), rs.getString(2), rs.getBoolean(3),
            rs.getObject(4, java.time.OffsetDateTime.class).toInstant(), rs.getString(5)))
        .list();
  }
}
