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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.ketapath.server.episode.Actor;
import org.ketapath.server.episode.EpisodeService;
import org.ketapath.server.episode.EventType;
import org.ketapath.server.episode.Quantity;
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
    USERS.forEach((name, role) -> users.create(name, password(name), EnumSet.of(role), false, "demo"));
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
    Actor doc = new Actor("physician", EnumSet.of(Role.PAIN_PHYSICIAN));
    Actor nurse = new Actor("nurse", EnumSet.of(Role.NURSE));
    Actor pharm = new Actor("pharmacist", EnumSet.of(Role.PHARMACIST));
    String[][] people = {
        {"Aalto", "Maria"}, {"Berg", "Johan"}, {"Costa", "Ines"}, {"Dahl", "Erik"}, {"Eklund", "Sara"}, {"Fischer", "Paul"},
        {"Garcia", "Lucia"}, {"Holm", "Anders"}, {"Ito", "Keiko"}, {"Jensen", "Mette"}, {"Kowalski", "Adam"}, {"Larsen", "Ida"}};
    String[] protocols = {"CIVIK", "PAIN-CRISIS", "OUTPATIENT-SESSIONS"};
    int n = 0;
    for (String protocol : protocols) {
      for (int stage = 0; stage < 4; stage++) {
        String[] person = people[n];
        n++;
        BigDecimal kg = BigDecimal.valueOf(52 + 7L * n);
        UUID patient = patient(String.format("DEMO-%04d", n), person[0], person[1], LocalDate.of(1950 + 2 * n, 1 + n % 12, 10), kg);
        UUID ep = episodes.open(patient, protocol, "1.0.0", doc).state().episodeId();
        Instant t0 = clock.instant().minus(Duration.ofHours(30));
        int v = 0;
        v = add(ep, v, EventType.SCREENED, t0, doc, Map.of("painNrs", 8, "painGoal", 4, "ivMeddMgPerDay", 180,
            "rescuesLast24h", 5, "contraindications", java.util.List.of(), "prerequisitesMissing", java.util.List.of()));
        if (stage == 0) {
          continue;
        }
        Quantity start;
        Quantity max;
        switch (protocol) {
          case "CIVIK" -> { start = new Quantity(new BigDecimal("0.05"), "mg/kg/h"); max = new Quantity(new BigDecimal("0.5"), "mg/kg/h"); }
          case "PAIN-CRISIS" -> { start = new Quantity(new BigDecimal("0.1"), "mg/kg/h"); max = new Quantity(new BigDecimal("0.2"), "mg/kg/h"); }
          default -> { start = new Quantity(new BigDecimal("10"), "mg/h"); max = new Quantity(new BigDecimal("25"), "mg/h"); }
        }
        Quantity conc = new Quantity(BigDecimal.ONE, "mg/mL");
        v = add(ep, v, EventType.ORDERED, t0.plus(Duration.ofMinutes(30)), doc,
            Map.of("startRate", start, "maxRate", max, "concentration", conc, "weightKg", kg));
        v = add(ep, v, EventType.SIGNED, t0.plus(Duration.ofMinutes(35)), doc, Map.of("statement", "signed"));
        if (stage == 1) {
          continue;
        }
        v = add(ep, v, EventType.PHARMACIST_VERIFIED, t0.plus(Duration.ofMinutes(60)), pharm,
            Map.of("concentration", conc, "weightKg", kg, "dose", start));
        v = add(ep, v, EventType.STARTED, t0.plus(Duration.ofMinutes(90)), nurse, Map.of("rate", start));
        for (int h = 2; h <= 20; h += 2) {
          Instant at = t0.plus(Duration.ofMinutes(90)).plus(Duration.ofHours(h));
          v = add(ep, v, EventType.ASSESSMENT, at, nurse, Map.of("nrs", Math.max(3, 8 - h / 3), "sedationPoss", 1));
          if (h % 6 == 0) {
            v = add(ep, v, EventType.VITAL_SIGNS, at, nurse, Map.of("systolic", 128, "diastolic", 76, "heartRate", 84,
                "respiratoryRate", 14, "spo2", 96));
          }
          if (h == 4) {
            v = add(ep, v, EventType.RESCUE_DOSE, at, nurse, Map.of("drug", "morphine", "dose",
                new Quantity(new BigDecimal("5"), "mg"), "route", "IV"));
          }
        }
        if (stage == 2) {
          continue;
        }
        v = add(ep, v, EventType.SIDE_EFFECT, t0.plus(Duration.ofHours(23)), nurse, Map.of("effect", "DIZZINESS", "severity", "MILD"));
        v = add(ep, v, EventType.STOPPED, t0.plus(Duration.ofHours(26)), doc, Map.of("reason", "course completed"));
        add(ep, v, EventType.OUTCOME, t0.plus(Duration.ofHours(27)), doc, Map.of("response", "PARTIAL"));
      }
    }
  }

  private UUID patient(String mrn, String family, String given, LocalDate born, BigDecimal kg) {
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbc.sql("insert into patient (id, mrn, family_name, given_name, birth_date, ward, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, 'demo')")
        .params(id, mrn, family, given, born, WARD, now.atOffset(ZoneOffset.UTC)).update();
    jdbc.sql("insert into patient_weight (patient_id, kg, measured_at, recorded_at, recorded_by) values (?, ?, ?, ?, 'demo')")
        .params(id, kg, now.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC)).update();
    return id;
  }

  private int add(UUID episode, int version, EventType type, Instant at, Actor actor, Map<String, Object> payload) {
    ObjectNode node = mapper.valueToTree(payload);
    key++;
    return episodes.append(episode, version, "demo-seed-" + episode + "-" + key, type, at, node, actor).version();
  }
}
