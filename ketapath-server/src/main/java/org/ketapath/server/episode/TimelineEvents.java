package org.ketapath.server.episode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ketapath.core.data.LocatedTree;
import org.ketapath.core.episode.EpisodeEvent;
import org.ketapath.core.timeline.EventJson;
import org.ketapath.server.security.Role;
import org.ketapath.server.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * The record and the timeline format are the same thing: every stored event is a
 * {@code ketapath-timeline/1} event (docs/timeline-format.md), validated by the core's parser
 * before it is appended. The server owns {@code id}, {@code type} and {@code by}; the client
 * sends the type's fields and optionally {@code at}.
 */
public final class TimelineEvents {
  /** API path segment to timeline event type. */
  public static final Map<String, String> BY_PATH = new LinkedHashMap<>();
  private static final Map<String, Set<Role>> WRITERS = new LinkedHashMap<>();
  private static final Set<Role> PHYSICIAN = EnumSet.of(Role.PAIN_PHYSICIAN);
  private static final Set<Role> BEDSIDE = EnumSet.of(Role.PAIN_PHYSICIAN, Role.NURSE);
  private static final Map<String, EpisodeEvent> PARSED = new ConcurrentHashMap<>();

  static {
    path("screening", "screened", PHYSICIAN);
    path("orders", "ordered", PHYSICIAN);
    path("signature", "signed", PHYSICIAN);
    path("verification", "verified", EnumSet.of(Role.PHARMACIST));
    path("overrides", "override", PHYSICIAN);
    path("boluses", "ketamineBolus", PHYSICIAN);
    path("weights", "weight", BEDSIDE);
    path("start", "started", BEDSIDE);
    path("assessments", "assessment", BEDSIDE);
    path("vital-signs", "vitals", BEDSIDE);
    path("opioids", "opioid", BEDSIDE);
    path("rescue-doses", "rescue", BEDSIDE);
    path("medication-orders", "medicationOrder", BEDSIDE);
    path("rate-changes", "rateChange", BEDSIDE);
    path("taper-steps", "taperStep", BEDSIDE);
    path("side-effects", "sideEffect", BEDSIDE);
    path("adverse-events", "adverseEvent", BEDSIDE);
    path("session-starts", "sessionStart", BEDSIDE);
    path("session-ends", "sessionEnd", BEDSIDE);
    path("stop", "stopped", BEDSIDE);
  }

  private TimelineEvents() {}

  private static void path(String path, String type, Set<Role> writers) {
    BY_PATH.put(path, type);
    WRITERS.put(type, writers);
  }

  public static Set<Role> writers(String type) {
    return WRITERS.get(type);
  }

  /** The role under which the actor records this type, or a 403 naming the rule. */
  public static Role actingRole(String type, Actor actor) {
    Set<Role> allowed = WRITERS.get(type);
    for (Role r : List.of(Role.PAIN_PHYSICIAN, Role.PHARMACIST, Role.NURSE)) {
      if (allowed.contains(r) && actor.has(r)) {
        return r;
      }
    }
    List<String> rules = switch (type) {
      case "ordered", "signed", "override", "screened" -> List.of("INST-1");
      case "ketamineBolus" -> List.of("GDL-5", "INST-4");
      case "verified" -> List.of("DOSE-3");
      default -> List.of();
    };
    throw new ApiProblem(HttpStatus.FORBIDDEN, "ROLE-FORBIDDEN", null, rules,
        "recording " + type + " needs the role " + allowed + "; you have " + actor.roles());
  }

  /** The full timeline event the server records for a request body. */
  public static ObjectNode build(ObjectNode body, String type, int seq, Actor actor, Role role, Instant now) {
    for (String owned : List.of("id", "type", "by")) {
      if (body.has(owned)) {
        throw ApiProblem.invalid("SERVER-FIELD", owned, List.of("OUTC-1"),
            owned + " is set by the server (the event id, the endpoint's type, the signed-in user); leave it out");
      }
    }
    ObjectNode e = CanonicalJson.object();
    e.put("id", id(seq));
    e.put("type", type);
    JsonNode at = body.get("at");
    e.put("at", at == null || at.isNull() ? now.toString() : at.asText());
    ObjectNode by = e.putObject("by");
    by.put("id", actor.username());
    by.put("role", role.name());
    actor.service().ifPresent(s -> by.put("service", s));
    body.fields().forEachRemaining(f -> {
      if (!f.getKey().equals("at")) {
        e.set(f.getKey(), f.getValue());
      }
    });
    return e;
  }

  public static String id(int seq) {
    // "e%05d" without the cost of String.format on every write
    String digits = Integer.toString(seq);
    if (seq < 0) {
      return String.format("e%05d", seq);
    }
    return digits.length() >= 5 ? "e" + digits : "e" + "00000".substring(digits.length()) + digits;
  }

  /** Parses (and so validates) a timeline event with the core's parser; refusals name field and rule. */
  public static EpisodeEvent parse(JsonNode event) {
    String canonical = CanonicalJson.write(event);
    EpisodeEvent cached = PARSED.get(canonical);
    if (cached != null) {
      return cached;
    }
    EpisodeEvent parsed = EventJson.event(
        LocatedTree.json("body", new ByteArrayInputStream(canonical.getBytes(StandardCharsets.UTF_8))));
    PARSED.put(canonical, parsed);
    return parsed;
  }

  /** Cached parse of a stored event (events never change, so the canonical text is a safe key). */
  public static EpisodeEvent parseStored(StoredEvent e) {
    if (PARSED.size() > 200_000) {
      PARSED.clear();
    }
    if (e.hash() == null) {
      return parse(e.payload());
    }
    // A stored row's hash commits to its payload, so it identifies the parsed event exactly.
    String key = "row:" + e.hash();
    EpisodeEvent cached = PARSED.get(key);
    if (cached == null) {
      cached = parse(e.payload());
      PARSED.put(key, cached);
    }
    return cached;
  }
}
