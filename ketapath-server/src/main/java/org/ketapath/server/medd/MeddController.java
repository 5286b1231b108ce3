package org.ketapath.server.medd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ketapath.core.episode.EpisodeEvent;
import org.ketapath.core.opioid.ConversionTable;
import org.ketapath.core.opioid.ConversionTables;
import org.ketapath.core.opioid.MeddCalculator;
import org.ketapath.core.opioid.MeddResult;
import org.ketapath.core.opioid.OpioidExposure;
import org.ketapath.server.episode.Actor;
import org.ketapath.server.episode.TimelineEvents;
import org.ketapath.server.security.Actors;
import org.ketapath.server.security.Role;
import org.ketapath.server.web.ApiProblem;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * MEDD over the 24 h before {@code at} (MEDD-1..3) with a named conversion table, by the core's
 * calculator. The opioids are timeline "opioid" or "rescue" events (docs/timeline-format.md).
 * Never use MEDD to calculate a dose when switching opioids.
 */
@RestController
@Tag(name = "MEDD")
public class MeddController {
  private final Clock clock;

  public MeddController(Clock clock) {
    this.clock = clock;
  }

  @GetMapping("/api/medd/tables")
  @Operation(summary = "The conversion tables available (id@version)")
  public List<String> tables() {
    return ConversionTables.builtIn().stream().map(ConversionTable::ref).toList();
  }

  @PostMapping("/api/medd")
  @Operation(summary = "Morphine-equivalent daily dose, oral and parenteral, with lines and warnings",
      description = "Body: {\"table\": \"us-palliative@1.0\", \"at\": \"2025-01-02T08:00:00Z\" (optional, default now), "
          + "\"opioids\": [{\"at\": \"...\", \"drug\": \"morphine\", \"route\": \"IV\", \"dose\": \"4 mg\"}, "
          + "{\"type\": \"opioid\", \"at\": \"...\", \"drug\": \"fentanyl\", \"patch\": \"25 mcg/h\"}]}")
  public MeddResult medd(@RequestBody ObjectNode body, Authentication auth) {
    String ref = body.path("table").asText("");
    int sep = ref.indexOf('@');
    if (sep <= 0) {
      throw ApiProblem.invalid("TABLE-MISSING", "table", List.of("MEDD-1"),
          "name the conversion table as id@version; available: " + String.join(", ", tables()));
    }
    ConversionTable table = ConversionTables.builtIn(ref.substring(0, sep), ref.substring(sep + 1));
    Instant end = body.hasNonNull("at") ? parseInstant(body.get("at")) : clock.instant();
    JsonNode opioids = body.path("opioids");
    if (!opioids.isArray()) {
      throw ApiProblem.invalid("VALIDATION", "opioids", List.of("MEDD-1"), "opioids is a list of opioid or rescue events");
    }
    Actor actor = Actors.of(auth);
    Role role = actor.roles().stream().findFirst().orElse(Role.NURSE);
    List<OpioidExposure> exposures = new ArrayList<>();
    int i = 0;
    for (JsonNode o : opioids) {
      i++;
      if (!o.isObject()) {
        throw ApiProblem.invalid("VALIDATION", "opioids[" + (i - 1) + "]", List.of("MEDD-1"), "each opioid is a JSON object");
      }
      ObjectNode copy = ((ObjectNode) o).deepCopy();
      String type = copy.has("type") ? copy.remove("type").asText() : "opioid";
      if (!type.equals("opioid") && !type.equals("rescue")) {
        throw ApiProblem.invalid("VALIDATION", "opioids[" + (i - 1) + "].type", List.of("MEDD-1"), "type is opioid or rescue");
      }
      ObjectNode event = TimelineEvents.build(copy, type, i, actor, role, end);
      EpisodeEvent parsed = TimelineEvents.parse(event);
      exposures.add(((EpisodeEvent.OpioidGiven) parsed).exposure());
    }
    return MeddCalculator.calculate(table, exposures, end);
  }

  private static Instant parseInstant(JsonNode n) {
    try {
      return Instant.parse(n.asText());
    } catch (java.time.format.DateTimeParseException e) {
      throw ApiProblem.invalid("BAD-VALUE", "at", List.of(), "at must be an ISO-8601 instant such as 2025-01-02T08:00:00Z");
    }
  }
}
