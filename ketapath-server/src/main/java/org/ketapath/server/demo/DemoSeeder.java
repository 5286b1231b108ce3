package org.ketapath.server.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.ketapath.server.episode.Actor;
import org.ketapath.server.episode.EpisodeService;
import org.ketapath.server.security.Role;
import org.ketapath.server.security.UserStore;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code --demo}: one user per role and a synthetic ward (4B) with patients at different stages of
 * each protocol. Synthetic people only; runs once per database.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "ketapath.demo", havingValue = "true")
public class DemoSeeder implements ApplicationRunner {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DemoSeeder.class);
  public static final String WARD = "4B";
  public static final Map<String, Role> USERS = new LinkedHashMap<>();

  static {
    USERS.put("physician", Role.PAIN_PHYSICIAN);
    USERS.put("nurse", Role.NURSE);
    USERS.put("pharmacist", Role.PHARMACIST);
    USERS.put("researcher", Role.RESEARCHER);
    USERS.put("admin", Role.ADMIN);
  }

  private final UserStore users;
  private final EpisodeService episodes;
  private final JdbcClient jdbc;
  private final ObjectMapper mapper;
  private final Clock clock;
  private int key;

  public DemoSeeder(UserStore users, EpisodeService episodes, JdbcClient jdbc, ObjectMapper mapper, Clock clock) {
    this.users = users;
    this.episodes = episodes;
    this.jdbc = jdbc;
    this.mapper = mapper;
    this.clock = clock;
  }

  /** The demo password of a demo user. */
  public static String password(String user) {
    return user + "-demo-pass";
  }

  @Override
  public void run(ApplicationArguments args) {
    USERS.forEach((name, role) -> users.create(name, password(name), EnumSet.of(role),
        role == Role.PAIN_PHYSICIAN ? "PAIN_SERVICE" : null, false, "demo"));
    boolean seeded = jdbc.sql("select count(*) from patient where mrn like 'DEMO-%'").query(Long.class).single() > 0;
    if (!seeded) {
      seedWard();
    }
    System.out.println();
    System.out.println("==================================================================");
    System.out.println(" KetaPath DEMO MODE: synthetic patients on ward " + WARD + "; not for clinical use");
    USERS.forEach((name, role) -> System.out.printf("   %-11s %-15s password %s%n", name, role, password(name)));
    System.out.println("==================================================================");
    System.out.println();
  }

  private void seedWard() {
    Actor doc = new Actor("physician", EnumSet.of(Role.PAIN_PHYSICIAN), Optional.of("PAIN_SERVICE"));
    Actor nurse = new Actor("nurse", EnumSet.of(Role.NURSE), Optional.empty());
    Actor pharm = new Actor("pharmacist", EnumSet.of(Role.PHARMACIST), Optional.empty());
    String[][] people = {
        {"Aalto", "Maria"}, {"Berg", "Johan"}, {"Costa", "Ines"}, {"Dahl", "Erik"}, {"Eklund", "Sara"}, {"Fischer", "Paul"},
        {"Garcia", "Lucia"}, {"Holm", "Anders"}, {"Ito", "Keiko"}, {"Jensen", "Mette"}, {"Kowalski", "Adam"}, {"Larsen", "Ida"}};
    String[] protocols = {"CIVIK", "PAIN-CRISIS", "OUTPATIENT-SESSIONS"};
    int n = 0;
    for (String protocol : protocols) {
      for (int stage = 0; stage < 4; stage++) {
        String[] person = people[n];
        n++;
        int kg = 52 + 5 * n;
        boolean sessions = protocol.equals("OUTPATIENT-SESSIONS");
        // Running episodes end their charting about now; stopped ones a few hours ago.
        Instant t0 = clock.instant().minus(Duration.ofMinutes(stage == 2 ? (sessions ? 150 : 22 * 60 + 20) : 30 * 60));
        UUID patient = patient(String.format("DEMO-%04d", n), person[0], person[1], LocalDate.of(1950 + 2 * n, 1 + n % 12, 10),
            BigDecimal.valueOf(kg), t0.minus(Duration.ofHours(10)));
        UUID ep = episodes.open(patient, protocol, "1.0.0", doc).episodeId();
        try {
          seedEpisode(ep, protocol, stage, kg, t0, doc, nurse, pharm);
        } catch (RuntimeException e) {
          LOG.warn("demo episode {} ({}, stage {}) stopped early: {}", ep, protocol, stage, e.getMessage());
        }
      }
    }
  }

  private void seedEpisode(UUID ep, String protocol, int stage, int kg, Instant t0, Actor doc, Actor nurse, Actor pharm) {
    boolean sessions = protocol.equals("OUTPATIENT-SESSIONS");
    Map<String, Object> flags = new LinkedHashMap<>();
    for (String f : List.of("uncontrolledCardiovascularDisease", "pregnancy", "activePsychosis", "severeLiverDysfunction",
        "elevatedIntracranialPressure", "elevatedIntraocularPressure", "preexistingNeuropathy", "postoperative")) {
      flags.put(f, false);
    }
    for (String f : List.of("hospitalized", "terminalCancer", "opioidEscalationFailed", "adjunctsConsidered",
        "proceduresConsidered", "opioidsOptimized", "neuropathicAdjuvantsTried", "cancerRelatedNeuropathicPain")) {
      flags.put(f, true);
    }
    if (sessions) {
      flags.put("hospitalized", false);
      flags.put("terminalCancer", false);
    }
    int v = 0;
    v = add(ep, v, "opioid", t0.minus(Duration.ofHours(20)), nurse, Map.of("drug", "morphine", "route", "IV", "rate", "6 mg/h"));
    for (int i = 0; i < 4; i++) {
      v = add(ep, v, "rescue", t0.minus(Duration.ofHours(16 - 4L * i)), nurse, Map.of("drug", "morphine", "route", "IV", "dose", "4 mg"));
    }
    v = add(ep, v, "assessment", t0.minus(Duration.ofMinutes(30)), nurse, Map.of("nrs", 8, "ppg", 4));
    v = add(ep, v, "screened", t0, doc, Map.of("flags", flags));
    if (stage == 0) {
      return;
    }
    String start = switch (protocol) {
      case "CIVIK" -> "0.05 mg/kg/h";
      case "PAIN-CRISIS" -> "0.1 mg/kg/h";
      default -> "10 mg/h";
    };
    v = add(ep, v, "ordered", t0.plus(Duration.ofMinutes(30)), doc, Map.of("concentration", "1 mg/mL"));
    v = add(ep, v, "signed", t0.plus(Duration.ofMinutes(35)), doc, Map.of());
    if (stage == 1) {
      return;
    }
    v = add(ep, v, "verified", t0.plus(Duration.ofMinutes(60)), pharm, Map.of("concentration", "1 mg/mL", "weightKg", kg, "dose", start));
    Instant on = t0.plus(Duration.ofMinutes(90));
    if (sessions) {
      v = add(ep, v, "sessionStart", on, nurse, Map.of("session", 1, "rate", start, "baseline", Map.of("nrs", 7,
          "function", "walks with help", "satisfaction", "poor", "analgesicUse", "morphine 6 mg/h IV and rescues")));
      v = add(ep, v, "assessment", on.plus(Duration.ofMinutes(30)), nurse, Map.of("nrs", 5, "poss", 1));
      if (stage == 2) {
        return;
      }
      v = add(ep, v, "sessionEnd", on.plus(Duration.ofHours(4)), nurse, Map.of("session", 1, "nrs", 4, "positiveSubjective", true));
      add(ep, v, "stopped", on.plus(Duration.ofHours(5)), doc, Map.of("reason", "session course paused"));
      return;
    }
    v = add(ep, v, "started", on, nurse, Map.of("rate", start));
    for (int h = 1; h <= 20; h++) {
      Instant at = on.plus(Duration.ofHours(h));
      v = add(ep, v, "assessment", at, nurse, Map.of("nrs", Math.max(3, 8 - h / 4), "poss", 1));
      if (h % 4 == 0) {
        v = add(ep, v, "vitals", at, nurse, Map.of("systolic", 128, "diastolic", 76, "heartRate", 84, "respiratoryRate", 14,
            "spo2", 96));
      }
    }
    if (stage == 2) {
      return;
    }
    v = add(ep, v, "sideEffect", on.plus(Duration.ofHours(21)), nurse, Map.of("effect", "DIZZINESS", "resolution", "self-resolved"));
    add(ep, v, "stopped", on.plus(Duration.ofHours(24)), doc, Map.of("reason", "pain controlled; course completed"));
  }

  private UUID patient(String mrn, String family, String given, LocalDate born, BigDecimal kg, Instant measured) {
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbc.sql("""
        insert into patient (id, mrn, family_name, given_name, birth_date, ward, created_at, created_by, pain_mechanism,
                             neuropathic_cause)
        values (?, ?, ?, ?, ?, ?, ?, 'demo', 'MIXED', 'TUMOR_COMPRESSION')""")
        .params(id, mrn, family, given, born, WARD, now.atOffset(ZoneOffset.UTC)).update();
    jdbc.sql("insert into patient_weight (patient_id, kg, measured_at, recorded_at, recorded_by) values (?, ?, ?, ?, 'demo')")
        .params(id, kg, measured.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC)).update();
    return id;
  }

  private int add(UUID episode, int version, String type, Instant at, Actor actor, Map<String, Object> payload) {
    ObjectNode node = mapper.valueToTree(payload);
    node.put("expectedVersion", version);
    node.put("at", at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    key++;
    return episodes.append(episode, node, "demo-seed-" + episode + "-" + key, type, actor).version();
  }
}
