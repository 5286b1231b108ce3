package org.ketapath.server.episode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
  @Test
  void sortsKeysAtEveryLevelAndDropsWhitespace() {
    String json = "{ \"b\": 1, \"a\": {\"z\": [ {\"y\":2, \"x\":1} ], \"c\": \"é\"} }";
    assertThat(CanonicalJson.write(CanonicalJson.parse(json))).isEqualTo("{\"a\":{\"c\":\"é\",\"z\":[{\"x\":1,\"y\":2}]},\"b\":1}");
  }

  @Test
  void keepsDecimalsExactAndPlain() {
    assertThat(CanonicalJson.write(CanonicalJson.parse("{\"v\":0.10,\"w\":1E+2,\"x\":12.5}")))
        .isEqualTo("{\"v\":0.10,\"w\":100,\"x\":12.5}");
  }

  @Test
  void isIdempotent() {
    String once = CanonicalJson.write(CanonicalJson.parse("{\"k\":[3,2,{\"b\":null,\"a\":true}],\"n\":-0.5}"));
    assertThat(CanonicalJson.write(CanonicalJson.parse(once))).isEqualTo(once);
  }
}
