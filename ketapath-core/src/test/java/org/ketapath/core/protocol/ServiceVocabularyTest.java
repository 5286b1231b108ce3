package org.ketapath.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ketapath.core.data.DataException;

class ServiceVocabularyTest {
  private static ServiceVocabulary parse(String yaml) {
    return ServiceVocabulary.parse("services.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  @DisplayName("PROT-1 INST-1: the bundled vocabulary holds every service the shipped protocols name")
  void bundledVocabularyCoversShippedProtocols() {
    ServiceVocabulary v = ServiceVocabulary.bundled();
    for (Protocol p : ProtocolCatalog.builtIn().all()) {
      assertThat(p.orderingServices().value()).allSatisfy(s -> assertThat(v.contains(s)).as(p.ref() + " " + s).isTrue());
    }
    assertThat(v.contains("PAIN_SERVCE")).isFalse();
  }

  @Test
  @DisplayName("PROT-1: a vocabulary with a duplicate or malformed code is refused naming the line")
  void malformedVocabularyIsRefused() {
    assertThatThrownBy(() -> parse("""
        id: x
        version: 1.0.0
        services:
          - {code: PAIN_SERVICE, description: a}
          - {code: PAIN_SERVICE, description: b}
        """)).isInstanceOf(DataException.class).hasMessageContaining("listed twice").hasMessageContaining("services.yaml:5");
    assertThatThrownBy(() -> parse("""
        id: x
        version: 1.0.0
        services:
          - {code: pain service, description: a}
        """)).isInstanceOf(DataException.class).hasMessageContaining("is not a service code");
  }

  @Test
  @DisplayName("PROT-1: a protocol is checked against the vocabulary it is given, so a hospital's own list applies")
  void protocolUsesTheGivenVocabulary() throws Exception {
    ServiceVocabulary narrow = parse("""
        id: local
        version: 1.0.0
        services:
          - {code: PAIN_SERVICE, description: pain}
        """);
    try (var in = ServiceVocabularyTest.class.getResourceAsStream("/protocols/civik/1.0.0.yaml")) {
      assertThatThrownBy(() -> ProtocolLoader.parse("protocols/civik/1.0.0.yaml", in, narrow))
          .isInstanceOf(DataException.class).hasMessageContaining("PALLIATIVE_CARE").hasMessageContaining("PROT-1");
    }
  }
}
