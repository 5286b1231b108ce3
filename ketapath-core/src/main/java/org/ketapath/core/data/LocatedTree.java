package org.ketapath.core.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON or YAML into a tree while remembering the line of every value, so that a later
 * validation error can say "timeline.json:42: events[7].nrs: ...". Duplicate keys are refused.
 */
public final class LocatedTree {
  private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
  private static final YAMLFactory YAML = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private LocatedTree() {}

  public static DataNode json(String sourceName, InputStream in) {
    return parse(JSON, sourceName, in);
  }

  public static DataNode yaml(String sourceName, InputStream in) {
    return parse(YAML, sourceName, in);
  }

  /** YAML for names ending .yaml/.yml, JSON otherwise. */
  public static DataNode byName(String sourceName, InputStream in) {
    String lower = sourceName.toLowerCase(java.util.Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml") ? yaml(sourceName, in) : json(sourceName, in);
  }

  private static DataNode parse(JsonFactory factory, String sourceName, InputStream in) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = factory.createParser(in)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new DataException("DATA-EMPTY", sourceName, 0, "", List.of(), "the file is empty");
      }
      JsonNode root = read(p, "", lines);
      if (p.nextToken() != null) {
        throw new DataException("DATA-SYNTAX", sourceName, p.currentLocation().getLineNr(), "", List.of(),
            "unexpected content after the end of the document");
      }
      return new DataNode(root, "", sourceName, lines, null);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new DataException("DATA-SYNTAX", sourceName, line, "", List.of(), "not valid "
          + (factory == YAML ? "YAML" : "JSON") + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new DataException("DATA-IO", sourceName, 0, "", List.of(), "could not be read: " + e.getMessage());
    }
  }

  private static JsonNode read(JsonParser p, String path, Map<String, Integer> lines) throws IOException {
    lines.put(path, p.currentTokenLocation().getLineNr());
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        ObjectNode obj = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          obj.set(name, read(p, path.isEmpty() ? name : path + "." + name, lines));
        }
        return obj;
      }
      case START_ARRAY: {
        ArrayNode arr = NODES.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          arr.add(read(p, path + "[" + i + "]", lines));
          i++;
        }
        return arr;
      }
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        return NODES.numberNode(p.getDecimalValue());
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDecimalValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new JsonParseLikeException(p, "unexpected token " + t);
    }
  }

  private static final class JsonParseLikeException extends JsonProcessingException {
    private static final long serialVersionUID = 1L;

    JsonParseLikeException(JsonParser p, String msg) {
      super(msg, p.currentTokenLocation());
    }
  }
}
