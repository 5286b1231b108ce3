package org.ketapath.server.episode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical JSON form that the hash chain is computed over: object keys sorted (by UTF-16 code
 * units, as RFC 8785 does), no insignificant white space, numbers as plain decimals (never
 * exponent form), floats kept as exact decimals. PostgreSQL jsonb keeps the same numeric value
 * and string content, so canonicalising what jsonb returns gives back the same bytes.
 */
public final class CanonicalJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .nodeFactory(NODES)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();

  private CanonicalJson() {}

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(sorted(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write canonical JSON", e);
    }
  }

  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is not readable", e);
    }
  }

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  static JsonNode sorted(JsonNode node) {
    if (node == null || node.isNull()) {
      return NODES.nullNode();
    }
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      names.sort(String::compareTo);
      ObjectNode out = NODES.objectNode();
      for (String name : names) {
        out.set(name, sorted(node.get(name)));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(child -> out.add(sorted(child)));
      return out;
    }
    if (node.isFloatingPointNumber()) {
      BigDecimal value = node.decimalValue();
      return NODES.numberNode(value);
    }
    return node;
  }
}
