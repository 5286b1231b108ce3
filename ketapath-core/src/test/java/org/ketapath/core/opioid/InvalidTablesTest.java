package org.ketapath.core.opioid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ketapath.core.KetaPathException;

/**
 * Every file under invalid/tables/ must be refused when loaded, with a message that names the file
 * and the field at fault. Each file states the field it expects in a "# expect-field:" comment.
 */
@Tag("MEDD-1")
@Tag("MEDD-2")
@Tag("MEDD-3")
class InvalidTablesTest {
  private static final String FOLDER = "invalid/tables";
  private static final Pattern EXPECT = Pattern.compile("(?m)^# expect-field: (\\S+)\\s*$");

  @Test
  @DisplayName("MEDD-1..3: every invalid conversion table is refused naming the file, the field and the rule")
  void everyInvalidTableIsRefusedNamingFileAndField() throws IOException, URISyntaxException {
    URL url = getClass().getClassLoader().getResource(FOLDER);
    assertThat(url).as("classpath folder " + FOLDER).isNotNull();
    List<String> names;
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
    }
    assertThat(names).contains("negative-factor.yaml", "unknown-drug.yaml", "unknown-unit.yaml",
        "missing-version.yaml", "missing-parenteral-ratio.yaml", "unknown-key.yaml");

    SoftAssertions softly = new SoftAssertions();
    for (String name : names) {
      String resource = FOLDER + "/" + name;
      String text = read(resource);
      Matcher m = EXPECT.matcher(text);
      if (!m.find()) {
        softly.fail(resource + " has no '# expect-field:' comment");
        continue;
      }
      String field = m.group(1);
      Throwable thrown;
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
        thrown = catchThrowable(() -> ConversionTables.parse(resource, in));
      }
      softly.assertThat(thrown).as(resource + " must be refused").isInstanceOf(KetaPathException.class);
      if (thrown instanceof KetaPathException e) {
        softly.assertThat(e.code()).as(resource + " code").isEqualTo("MEDD-TABLE");
        softly.assertThat(e.field()).as(resource + " field").isEqualTo(field);
        softly.assertThat(e.getMessage()).as(resource + " message")
            .contains(name, field, "[rule: ");
        softly.assertThat(e.ruleIds()).as(resource + " rule IDs").isNotEmpty();
      }
    }
    softly.assertAll();
  }

  private String read(String resource) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
