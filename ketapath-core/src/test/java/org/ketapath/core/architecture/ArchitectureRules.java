package org.ketapath.core.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitCallTarget;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The architecture invariants as ArchUnit rules over a base package, so that the same rule that
 * guards {@code org.ketapath.core} can be shown to fail on deliberately bad fixture classes.
 */
final class ArchitectureRules {
  private ArchitectureRules() {}

  /** Invariant 1: no file, network, database or framework types. Invariant 8: no Spring, HAPI FHIR or picocli. */
  static ArchRule noIoOrFrameworks(String base) {
    DescribedPredicate<JavaClass> forbidden = resideInAnyPackage("java.nio.file..", "java.net..", "java.sql..",
        "javax.sql..", "org.springframework..", "ca.uhn..", "picocli..")
        .or(DescribedPredicate.describe("are java.io.File*", (JavaClass c) -> c.getName().startsWith("java.io.File")
            || c.getName().equals("java.io.RandomAccessFile")))
        .as("are file, network, database or framework types (java.nio.file, java.io.File*, java.net, java.sql, "
            + "Spring, HAPI FHIR, picocli)");
    return noClasses().that().resideInAPackage(base + "..")
        .should().dependOnClassesThat(forbidden)
        .because("the clinical core is pure: data comes in as arguments (invariants 1 and 8)");
  }

  /** Invariant 1: "now" and randomness come in as arguments. */
  static ArchRule noClockOrUnseededRandom(String base) {
    return noClasses().that().resideInAPackage(base + "..")
        .should().callCodeUnitWhere(READS_CLOCK_OR_UNSEEDED_RANDOM)
        .because("the clinical core never reads the clock: time is an argument, so decisions replay exactly "
            + "(invariant 1)");
  }

  /** Invariant 8 from the other side: the core knows no adapter (CLI, server, FHIR) of its own project. */
  static ArchRule noDependencyOnAdapters(String base, String project) {
    return noClasses().that().resideInAPackage(base + "..")
        .should().dependOnClassesThat(resideInAPackage(project + "..").and(resideOutsideOfPackage(base + "..")))
        .because("adapters depend on the core, never the other way round (invariant 8)");
  }

  /**
   * Invariant 2: no public method, constructor or field outside the parsing helpers ({@code data},
   * {@code Decimals}) and {@code opioid} takes or returns a bare double or float, boxed or inside a
   * generic type.
   */
  static List<ArchRule> noBareFloatingPoint(String base) {
    DescribedPredicate<JavaClass> inScope = resideInAPackage(base + "..")
        .and(DescribedPredicate.not(resideInAnyPackage(base + ".data..", base + ".opioid..")))
        .and(DescribedPredicate.not(simpleName("Decimals")))
        .as("classes in " + base + " except data, opioid and Decimals");
    ArchRule members = codeUnits().that().arePublic().and().areDeclaredInClassesThat(inScope)
        .should(TAKE_AND_RETURN_NO_FLOATING_POINT)
        .because("a bare double dose in a signature is a defect (invariant 2)");
    ArchRule publicFields = fields().that().arePublic().and().areDeclaredInClassesThat(inScope)
        .should(HAVE_NO_FLOATING_POINT_TYPE)
        .because("a bare double dose in a signature is a defect (invariant 2)");
    return List.of(members, publicFields);
  }

  private static final Set<String> FLOATING = Set.of("double", "float", "java.lang.Double", "java.lang.Float",
      "[D", "[F", "[Ljava.lang.Double;", "[Ljava.lang.Float;");

  private static List<String> floatingIn(JavaType type) {
    List<String> out = new ArrayList<>();
    for (JavaClass c : type.getAllInvolvedRawTypes()) {
      if (FLOATING.contains(c.getName()) || (c.isArray() && FLOATING.contains(c.getBaseComponentType().getName()))) {
        out.add(c.getName());
      }
    }
    return out;
  }

  private static final ArchCondition<JavaCodeUnit> TAKE_AND_RETURN_NO_FLOATING_POINT =
      new ArchCondition<>("take and return no bare double, float, Double or Float") {
        @Override
        public void check(JavaCodeUnit unit, ConditionEvents events) {
          Set<String> found = new TreeSet<>(floatingIn(unit.getReturnType()));
          for (JavaType p : unit.getParameterTypes()) {
            found.addAll(floatingIn(p));
          }
          if (!found.isEmpty()) {
            events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " uses " + found + " in its signature "
                + unit.getSourceCodeLocation()));
          }
        }
      };

  private static final ArchCondition<JavaField> HAVE_NO_FLOATING_POINT_TYPE =
      new ArchCondition<>("have no bare double, float, Double or Float type") {
        @Override
        public void check(JavaField field, ConditionEvents events) {
          List<String> found = floatingIn(field.getType());
          if (!found.isEmpty()) {
            events.add(SimpleConditionEvent.violated(field, field.getFullName() + " has type " + found + " "
                + field.getSourceCodeLocation()));
          }
        }
      };

  private static final Set<String> DATE_TIME_TYPES = Set.of("java.time.Instant", "java.time.LocalDate",
      "java.time.LocalDateTime", "java.time.LocalTime", "java.time.ZonedDateTime", "java.time.OffsetDateTime",
      "java.time.OffsetTime", "java.time.Year", "java.time.YearMonth", "java.time.MonthDay",
      "java.time.chrono.HijrahDate", "java.time.chrono.JapaneseDate", "java.time.chrono.MinguoDate",
      "java.time.chrono.ThaiBuddhistDate");

  /** Calls that read the system clock or an unseeded source of randomness. */
  static final DescribedPredicate<JavaCall<?>> READS_CLOCK_OR_UNSEEDED_RANDOM = DescribedPredicate.describe(
      "read the system clock or an unseeded random source (System.currentTimeMillis/nanoTime, now() without a "
          + "Clock, Clock.system*, new Random(), SecureRandom, ThreadLocalRandom, Math.random, UUID.randomUUID)",
      (JavaCall<?> call) -> readsClockOrRandom(call.getTarget()));

  private static boolean readsClockOrRandom(CodeUnitCallTarget t) {
    String owner = t.getOwner().getName();
    String name = t.getName();
    List<JavaClass> params = t.getRawParameterTypes();
    if (DATE_TIME_TYPES.contains(owner) && name.equals("now")) {
      // now(Clock) is the one allowed form: the clock then comes in as an argument.
      return params.stream().noneMatch(p -> p.getName().equals("java.time.Clock"));
    }
    switch (owner) {
      case "java.lang.System":
        return name.equals("currentTimeMillis") || name.equals("nanoTime");
      case "java.time.Clock":
        return name.equals("systemUTC") || name.equals("systemDefaultZone") || name.equals("system");
      case "java.time.InstantSource":
        return name.equals("system");
      case "java.util.Random":
        return name.equals(JavaConstructor.CONSTRUCTOR_NAME) && params.isEmpty();
      case "java.security.SecureRandom":
        return name.equals(JavaConstructor.CONSTRUCTOR_NAME) || name.startsWith("getInstance");
      case "java.util.concurrent.ThreadLocalRandom":
        return name.equals("current");
      case "java.lang.Math":
      case "java.lang.StrictMath":
        return name.equals("random");
      case "java.util.UUID":
        return name.equals("randomUUID");
      default:
        return false;
    }
  }
}
