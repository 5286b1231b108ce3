package org.ketapath.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Invariants 1, 2 and 8 of the architecture, checked on the core's main classes. Each rule is also
 * evaluated on {@code org.ketapath.archfixture}, imported on its own, to show it reports every
 * deliberately bad class there and none of the good ones: a rule that cannot fail proves nothing.
 */
@Tag("invariant-1")
@Tag("invariant-2")
@Tag("invariant-8")
class ArchitectureTest {
  private static final String CORE = "org.ketapath.core";
  private static final String PROJECT = "org.ketapath";
  private static final String FIXTURE = "org.ketapath.archfixture";

  private static final JavaClasses CORE_CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(CORE);
  private static final JavaClasses FIXTURE_CLASSES = new ClassFileImporter().importPackages(FIXTURE);

  @Nested
  @DisplayName("on org.ketapath.core")
  class OnTheCore {
    @Test
    @DisplayName("the import holds the core's main classes and no test classes")
    void importIsTheMainCore() {
      assertThat(CORE_CLASSES.contain(org.ketapath.core.engine.DecisionEngine.class)).isTrue();
      assertThat(CORE_CLASSES.contain(org.ketapath.core.dose.MgPerHour.class)).isTrue();
      assertThat(CORE_CLASSES.contain(ArchitectureTest.class)).isFalse();
      assertThat(CORE_CLASSES.size()).isGreaterThan(50);
    }

    @Test
    @DisplayName("invariant 1, 8: no file, network, database, Spring, HAPI FHIR or picocli types")
    void noIoOrFrameworks() {
      ArchitectureRules.noIoOrFrameworks(CORE).check(CORE_CLASSES);
    }

    @Test
    @DisplayName("invariant 1: no clock reads and no unseeded randomness")
    void noClock() {
      ArchitectureRules.noClockOrUnseededRandom(CORE).check(CORE_CLASSES);
    }

    @Test
    @DisplayName("invariant 8: the core depends on no adapter of the project")
    void noAdapters() {
      ArchitectureRules.noDependencyOnAdapters(CORE, PROJECT).check(CORE_CLASSES);
    }

    @Test
    @Tag("DOSE-1")
    @DisplayName("invariant 2, DOSE-1: no bare double or float in a public signature (data, Decimals, opioid aside)")
    void noBareFloatingPoint() {
      ArchitectureRules.noBareFloatingPoint(CORE).forEach(r -> r.check(CORE_CLASSES));
    }
  }

  @Nested
  @DisplayName("on deliberately bad fixtures")
  class OnFixtures {
    @Test
    @DisplayName("invariant 1, 8: every file, network, database and framework user is reported")
    void ioAndFrameworks() {
      assertReportsExactly(ArchitectureRules.noIoOrFrameworks(FIXTURE), "IoAndFrameworkUsers$ReadsFiles",
          "IoAndFrameworkUsers$UsesJavaIoFile", "IoAndFrameworkUsers$OpensUrl", "IoAndFrameworkUsers$UsesJdbc",
          "IoAndFrameworkUsers$UsesSpring", "IoAndFrameworkUsers$UsesHapi", "IoAndFrameworkUsers$UsesPicocli");
    }

    @Test
    @DisplayName("invariant 1: every clock read and unseeded Random is reported; now(Clock) and new Random(seed) are not")
    void clock() {
      assertReportsExactly(ArchitectureRules.noClockOrUnseededRandom(FIXTURE), "ClockReaders$InstantNow",
          "ClockReaders$CurrentTimeMillis", "ClockReaders$NanoTime", "ClockReaders$LocalDateTimeNow",
          "ClockReaders$ZonedDateTimeNow", "ClockReaders$ClockSystemUtc", "ClockReaders$ClockSystemDefaultZone",
          "ClockReaders$UnseededRandom");
    }

    @Test
    @DisplayName("invariant 8: a dependency on an adapter package is reported")
    void adapters() {
      assertReportsExactly(ArchitectureRules.noDependencyOnAdapters(FIXTURE, PROJECT), "bad.AdapterUser");
    }

    @Test
    @DisplayName("invariant 2: double, float, boxed, generic and array forms are reported; the data package is not")
    void floatingPoint() {
      List<String> details = new ArrayList<>();
      for (ArchRule r : ArchitectureRules.noBareFloatingPoint(FIXTURE)) {
        details.addAll(violations(r));
      }
      assertThat(details).anyMatch(d -> d.contains("BareFloatingPoint$BareDoubleDose.mgPerHour(double, double)"));
      assertThat(details).anyMatch(d -> d.contains("BareFloatingPoint$BoxedDoubleInGeneric.rate()"));
      assertThat(details).anyMatch(d -> d.contains("BareFloatingPoint$FloatRate.value()"));
      assertThat(details).anyMatch(d -> d.contains("BareFloatingPoint$FloatRate.<init>(float)"));
      assertThat(details).anyMatch(d -> d.contains("BareFloatingPoint$PublicDoubleField.CEILING"));
      assertThat(details).anyMatch(d -> d.contains("BareFloatingPoint$DoubleArrayParameter.count([D)"));
      assertThat(details).noneMatch(d -> d.contains(".good.") || d.contains(".data."));
    }

    private void assertReportsExactly(ArchRule rule, String... badClasses) {
      List<String> details = violations(rule);
      for (String bad : badClasses) {
        assertThat(details).as("a violation naming " + bad).anyMatch(d -> d.contains(bad));
      }
      assertThat(details).as("nothing in good or data is reported").noneMatch(d -> d.contains(".good.")
          || d.contains(".data."));
      assertThat(details).as("every violation is one of the expected classes").allMatch(d -> {
        for (String bad : badClasses) {
          if (d.contains(bad)) {
            return true;
          }
        }
        return false;
      });
    }

    private List<String> violations(ArchRule rule) {
      EvaluationResult result = rule.evaluate(FIXTURE_CLASSES);
      assertThat(result.hasViolation()).as(rule.getDescription() + " must fail on the fixtures").isTrue();
      return result.getFailureReport().getDetails();
    }
  }
}
