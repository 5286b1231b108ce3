package org.ketapath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example timeline replays to its reviewed golden output, as a table and as JSON lines.
 * When behaviour changes on purpose, regenerate with -Dketapath.golden.update=true and review the
 * diff line by line before committing: a golden file is a clinical record of what the engine says.
 */
class GoldenReplayTest {
  static final Path EXAMPLES = Paths.get("..", "examples");
  static final Path GOLDEN = Paths.get("src", "test", "resources", "golden");
  static final boolean UPDATE = Boolean.getBoolean("ketapath.golden.update");

  static Stream<String> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
    }
  }

  @Test
  @DisplayName("the four required examples ship: two 003 cases, a 5-day CIVIK course, outpatient sessions 1-4")
  void examplesPresent() throws IOException {
    assertThat(examples().toList()).contains("pain-crisis-case1.json", "pain-crisis-case2.json", "civik-5-day.json",
        "outpatient-sessions-1-4.json");
  }

  @ParameterizedTest(name = "{0} (table)")
  @MethodSource("examples")
  void table(String example) throws IOException {
    compare(example, ".txt", CliRunner.run("replay", EXAMPLES.resolve(example).toString()));
  }

  @ParameterizedTest(name = "{0} (json lines)")
  @MethodSource("examples")
  void jsonLines(String example) throws IOException {
    compare(example, ".jsonl", CliRunner.run("replay", "--json", EXAMPLES.resolve(example).toString()));
  }

  private static void compare(String example, String ext, CliRunner.Result r) throws IOException {
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    Path golden = GOLDEN.resolve(example.replace(".json", "") + ext);
    String actual = r.out().replace("\r\n", "\n").replace(EXAMPLES.resolve(example).toString(), "examples/" + example);
    if (UPDATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file %s (generate with -Dketapath.golden.update=true, then review)", golden)
        .exists();
    List<String> expected = Files.readAllLines(golden, StandardCharsets.UTF_8);
    assertThat(actual.lines().toList()).containsExactlyElementsOf(expected);
  }
}
