package org.ketapath.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ketapath.core.data.DataException;

/**
 * Walks {@code invalid/protocols/}: every file is a copy of a shipped protocol with exactly one
 * defect, and must be refused by {@link ProtocolLoader#parse} with a {@link DataException} whose
 * message names the file and contains every {@code # expect:} substring the file declares (the
 * first line is always one). Adding a defect is adding a file; no test code changes.
 */
@Tag("GDL-4")
@Tag("INST-3")
@Tag("DOSE-1")
@Tag("DOSE-2")
@Tag("DOSE-4")
@Tag("PROT-1")
class InvalidProtocolsTest {
  private static final String FOLDER = "invalid/protocols";
  private static final int AT_LEAST = 15;
  private static final String EXPECT = "# expect: ";
  private static final Pattern REMOVED_BLOCK = Pattern.compile("(?m)^# Removed block: ([a-zA-Z]+)$");
  private static final Pattern COPY_OF = Pattern.compile("(?m)^# Copy of (protocols/[a-z-]+/[0-9.]+\\.yaml) with one "
      + "defect: .+$");

  @Test
  @DisplayName("the invalid-protocol folder holds at least " + AT_LEAST + " files, so an empty folder cannot pass")
  void folderIsNotEmpty() {
    assertThat(fileNames()).hasSizeGreaterThanOrEqualTo(AT_LEAST);
  }

  @Test
  @DisplayName("GDL-4 INST-3: the folder keeps the PAIN-CRISIS copy with the misprinted 20 mg/kg/h maximum")
  void misprintCaseIsPresent() {
    assertThat(fileNames()).contains("pain-crisis-max-20-mg-per-kg-misprint.yaml", "civik-ceiling-0.6.yaml",
        "civik-yaml-syntax-error.yaml", "outpatient-first-session-max-above-max.yaml");
  }

  @TestFactory
  @DisplayName("GDL-4 INST-3 DOSE-1 DOSE-2 DOSE-4: every invalid protocol is refused naming the file and the defect")
  Stream<DynamicTest> everyInvalidProtocolIsRefused() {
    return fileNames().stream().map(name -> DynamicTest.dynamicTest(name, () -> assertRefused(name)));
  }

  private void assertRefused(String name) {
    String resource = FOLDER + "/" + name;
    String text = read(resource);
    List<String> expected = expectations(resource, text);
    assertIsOneChangeFromItsBase(resource, text);

    Throwable thrown = catchThrowable(() -> ProtocolLoader.parse(resource,
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));

    assertThat(thrown).as(resource + " must be refused when loaded").isInstanceOf(DataException.class);
    DataException e = (DataException) thrown;
    assertThat(e.getMessage()).as(resource + ": the refusal names the file").startsWith(resource);
    for (String s : expected) {
      assertThat(e.getMessage()).as(resource + ": refusal message").contains(s);
    }
  }

  /** Every leading "# expect: " line; the first line of the file must be one. */
  private static List<String> expectations(String resource, String text) {
    List<String> lines = text.lines().toList();
    if (lines.isEmpty() || !lines.get(0).startsWith(EXPECT)) {
      fail(resource + ": the first line must be \"" + EXPECT + "<substring of the refusal message>\"");
    }
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      if (!line.startsWith(EXPECT)) {
        break;
      }
      String s = line.substring(EXPECT.length()).strip();
      assertThat(s).as(resource + ": an empty expectation would match anything").isNotEmpty();
      out.add(s);
    }
    return out;
  }

  /**
   * The file declares which shipped protocol it copies, and differs from it by one line changed,
   * added or removed (comments and blank lines aside), so that each file tests one defect.
   */
  private void assertIsOneChangeFromItsBase(String resource, String text) {
    Matcher m = COPY_OF.matcher(text);
    if (!m.find()) {
      fail(resource + ": needs a \"# Copy of protocols/<id>/<version>.yaml with one defect: ...\" line");
    }
    String base = read(m.group(1));
    Matcher removed = REMOVED_BLOCK.matcher(text);
    if (removed.find()) {
      // The one defect is a whole top-level block left out: the rest must equal the base.
      base = withoutBlock(base, removed.group(1));
      assertThat(base).as(resource + ": the base has a top-level block \"" + removed.group(1) + "\"")
          .isNotEqualTo(read(m.group(1)));
    }
    Map<String, Integer> counts = new HashMap<>();
    dataLines(base).forEach(l -> counts.merge(l, 1, Integer::sum));
    dataLines(text).forEach(l -> counts.merge(l, -1, Integer::sum));
    int differing = counts.values().stream().mapToInt(Math::abs).sum();
    if (removed.reset().find()) {
      assertThat(differing).as(resource + ": lines that differ from " + m.group(1) + " without its block").isZero();
    } else {
      assertThat(differing).as(resource + ": lines that differ from " + m.group(1)).isBetween(1, 2);
    }
  }

  /** The text without the top-level YAML block {@code key:} and its indented lines. */
  private static String withoutBlock(String text, String key) {
    StringBuilder out = new StringBuilder();
    boolean inBlock = false;
    for (String line : text.lines().toList()) {
      if (line.startsWith(key + ":")) {
        inBlock = true;
        continue;
      }
      if (inBlock && (line.isBlank() || line.startsWith(" ") || line.startsWith("#"))) {
        if (!line.isBlank() && !line.startsWith(" ")) {
          inBlock = false;
          out.append(line).append('\n');
        }
        continue;
      }
      inBlock = false;
      out.append(line).append('\n');
    }
    return out.toString();
  }

  /** Lines other than comments and blank lines, so that editing a base file's comments breaks no copy. */
  private static Stream<String> dataLines(String text) {
    return text.lines().filter(l -> !l.isBlank() && !l.strip().startsWith("#"));
  }

  private static List<String> fileNames() {
    URL url = InvalidProtocolsTest.class.getClassLoader().getResource(FOLDER);
    assertThat(url).as("classpath folder " + FOLDER).isNotNull();
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(String resource) {
    try (InputStream in = InvalidProtocolsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
