package org.ketapath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Bad timelines get one clear message naming the file, the line and the field, exit code 2, and
 * never a stack trace. Each file under src/test/resources/bad starts with the expected message parts
 * in its "title" ("expect: part|part"), with real line numbers.
 */
class BadInputTest {
  static final Path BAD = Paths.get("src", "test", "resources", "bad");

  @TestFactory
  Stream<DynamicTest> everyBadTimelineIsRefusedClearly() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(BAD)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(10);
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : files) {
      tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
        String text = Files.readString(f);
        String expect = text.lines().filter(l -> l.contains("\"title\": \"expect: ")).findFirst().orElseThrow()
            .replaceAll(".*\"title\": \"expect: ", "").replaceAll("\",?\\s*$", "").replace("\\\"", "\"");
        CliRunner.Result r = CliRunner.run("replay", f.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(KetaPathCli.EXIT_BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: " + f);
        for (String part : expect.split("\\|")) {
          assertThat(r.err()).contains(part.trim());
        }
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
      }));
    }
    return tests.stream();
  }

  @Test
  @DisplayName("a missing file is named, exit 2")
  void missingFile() {
    CliRunner.Result r = CliRunner.run("replay", "no/such/timeline.json");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: no/such/timeline.json: no such file" + System.lineSeparator());
  }

  @Test
  @DisplayName("DOSE-2: a timeline without a weight replays, but blocks dosing with a clear reason")
  void missingWeightBlocksDosing() throws IOException {
    String example = Files.readString(Paths.get("..", "examples", "pain-crisis-case1.json"));
    String noWeight = example.replaceFirst("\"weight\": \\{[^}]*\\},", "");
    Path tmp = Files.createTempFile("no-weight", ".json");
    Files.writeString(tmp, noWeight);
    CliRunner.Result r = CliRunner.run("replay", tmp.toString());
    Files.delete(tmp);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("=> BLOCKED").contains("No body weight is recorded").contains("[DOSE-2]");
  }

  @Test
  @DisplayName("protocols lists the three shipped protocols with their local choices")
  void protocols() {
    CliRunner.Result r = CliRunner.run("protocols", "--local-choices");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("CIVIK@1.0.0", "PAIN-CRISIS@1.0.0", "OUTPATIENT-SESSIONS@1.0.0")
        .contains("local choice [CIVIK-4]: the latest NRS recorded in the past 8 h");
  }

  @Test
  @DisplayName("MEDD-1 MEDD-2: medd over case 1 gives oral and IV MEDD with the table and the switch warning")
  void medd() {
    CliRunner.Result r = CliRunner.run("medd", "../examples/pain-crisis-case1.json", "--at", "2024-03-05T15:00:00Z");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("us-palliative@1.0").contains("oral MEDD: 1470 mg/day oral morphine").contains("parenteral MEDD: 490 mg/day IV morphine")
        .contains("rescue doses: 9")
        .containsIgnoringCase("switch");
  }

  @Test
  @DisplayName("validate refuses the misprinted 20 mg/kg/h maximum (INST-3, GDL-4) and exits 2")
  void validate() throws IOException {
    Path tmp = Files.createTempFile("pain-crisis", ".yaml");
    String yaml = new String(getClass().getResourceAsStream("/protocols/pain-crisis/1.0.0.yaml").readAllBytes())
        .replace("absoluteMaximum: {value: 20 mg/h,", "absoluteMaximum: {value: 20 mg/kg/h,");
    Files.writeString(tmp, yaml);
    CliRunner.Result r = CliRunner.run("validate", tmp.toString());
    Files.delete(tmp);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("dosing.absoluteMaximum").contains("GDL-4").contains("misprint");
  }
}
