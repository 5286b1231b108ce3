package org.ketapath.core.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.ketapath.core.KetaPathException;
import org.ketapath.core.dose.DoseRate;

/**
 * A cursor over a located tree. Every accessor names the field it reads, and every refusal says
 * the file, the line and the field. Objects read with {@link #done()} refuse keys nobody asked for,
 * so a misspelt field is an error instead of a silently ignored setting.
 */
public final class DataNode {
  private final JsonNode node;
  private final String path;
  private final String source;
  private final Map<String, Integer> lines;
  private final Set<String> read = new LinkedHashSet<>();

  DataNode(JsonNode node, String path, String source, Map<String, Integer> lines, DataNode parent) {
    this.node = node;
    this.path = path;
    this.source = source;
    this.lines = lines;
  }

  public String path() {
    return path;
  }

  public String source() {
    return source;
  }

  public int line() {
    return lines.getOrDefault(path, 0);
  }

  public JsonNode raw() {
    return node;
  }

  private String child(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  public DataException error(String code, List<String> rules, String detail) {
    return new DataException(code, source, line(), path, rules, detail);
  }

  public DataException error(String detail) {
    return error("DATA-INVALID", List.of(), detail);
  }

  /** Wraps a domain refusal (e.g. an invalid quantity) so it names this file, line and field. */
  public DataException wrap(KetaPathException e) {
    return new DataException(e.code(), source, line(), path, e.ruleIds(), e.getMessage());
  }

  public boolean isObject() {
    return node.isObject();
  }

  public boolean has(String name) {
    return node.isObject() && node.has(name) && !node.get(name).isNull();
  }

  public Optional<DataNode> opt(String name) {
    requireObject();
    read.add(name);
    JsonNode c = node.get(name);
    if (c == null || c.isNull()) {
      return Optional.empty();
    }
    return Optional.of(new DataNode(c, child(name), source, lines, this));
  }

  public DataNode get(String name) {
    return opt(name).orElseThrow(() -> new DataException("DATA-MISSING", source, line(), child(name), List.of(),
        "required field is missing"));
  }

  public DataNode object(String name) {
    DataNode c = get(name);
    c.requireObject();
    return c;
  }

  public Optional<DataNode> optObject(String name) {
    Optional<DataNode> c = opt(name);
    c.ifPresent(DataNode::requireObject);
    return c;
  }

  private void requireObject() {
    if (!node.isObject()) {
      throw error("DATA-TYPE", List.of(), "expected an object, got " + kind(node));
    }
  }

  public List<DataNode> list(String name) {
    return optList(name).orElseThrow(() -> new DataException("DATA-MISSING", source, line(), child(name), List.of(),
        "required list is missing"));
  }

  public Optional<List<DataNode>> optList(String name) {
    return opt(name).map(c -> {
      if (!c.node.isArray()) {
        throw c.error("DATA-TYPE", List.of(), "expected a list, got " + kind(c.node));
      }
      List<DataNode> out = new ArrayList<>(c.node.size());
      for (int i = 0; i < c.node.size(); i++) {
        out.add(new DataNode(c.node.get(i), c.path + "[" + i + "]", source, lines, c));
      }
      return out;
    });
  }

  public String text() {
    if (!node.isTextual()) {
      if (node.isNumber() || node.isBoolean()) {
        return node.asText();
      }
      throw error("DATA-TYPE", List.of(), "expected text, got " + kind(node));
    }
    String s = node.textValue().trim();
    if (s.isEmpty()) {
      throw error("DATA-MISSING", List.of(), "must not be empty");
    }
    return s;
  }

  public String string(String name) {
    return get(name).text();
  }

  public Optional<String> optString(String name) {
    return opt(name).map(DataNode::text);
  }

  public List<String> strings(String name) {
    return optList(name).map(l -> l.stream().map(DataNode::text).toList()).orElse(List.of());
  }

  public BigDecimal decimal() {
    if (!node.isNumber()) {
      throw error("DATA-TYPE", List.of(), "expected a number, got " + kind(node));
    }
    return node.decimalValue();
  }

  public BigDecimal decimal(String name) {
    return get(name).decimal();
  }

  public Optional<BigDecimal> optDecimal(String name) {
    return opt(name).map(DataNode::decimal);
  }

  public int integer() {
    BigDecimal d = decimal();
    try {
      return d.intValueExact();
    } catch (ArithmeticException e) {
      throw error("DATA-TYPE", List.of(), "expected a whole number, got " + d.toPlainString());
    }
  }

  public int integer(String name) {
    return get(name).integer();
  }

  public Optional<Integer> optInteger(String name) {
    return opt(name).map(DataNode::integer);
  }

  /** Element {@code i} of this list node. */
  public DataNode item(int i) {
    if (!node.isArray() || i >= node.size()) {
      throw error("DATA-TYPE", List.of(), "expected a list with an element " + i);
    }
    return new DataNode(node.get(i), path + "[" + i + "]", source, lines, this);
  }

  /** This node as an integer that must lie in [min, max]; outside it is refused, never clamped. */
  public int integerInSelf(int min, int max) {
    int v = integer();
    if (v < min || v > max) {
      throw error("DATA-RANGE", List.of(), "must be between " + min + " and " + max + ", got " + v);
    }
    return v;
  }

  /** An integer that must lie in [min, max]; outside it is refused, never clamped. */
  public int integerIn(String name, int min, int max, List<String> rules) {
    DataNode c = get(name);
    int v = c.integer();
    if (v < min || v > max) {
      throw c.error("DATA-RANGE", rules, "must be between " + min + " and " + max + ", got " + v);
    }
    return v;
  }

  public boolean bool() {
    if (!node.isBoolean()) {
      throw error("DATA-TYPE", List.of(), "expected true or false, got " + kind(node));
    }
    return node.booleanValue();
  }

  public Optional<Boolean> optBool(String name) {
    return opt(name).map(DataNode::bool);
  }

  public boolean bool(String name, boolean dflt) {
    return optBool(name).orElse(dflt);
  }

  public Instant instant() {
    String s = text();
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e2) {
        throw error("DATA-TIME", List.of(), "\"" + s + "\" is not a date-time with an offset, e.g. 2024-05-01T08:00:00Z");
      }
    }
  }

  public Instant instant(String name) {
    return get(name).instant();
  }

  public Optional<Instant> optInstant(String name) {
    return opt(name).map(DataNode::instant);
  }

  /** "8 h", "30 min", "5 d" or ISO-8601 "PT8H". Zero or negative is refused. */
  public Duration duration() {
    String s = text();
    Duration d;
    try {
      d = parseDuration(s);
    } catch (IllegalArgumentException e) {
      throw error("DATA-DURATION", List.of(), e.getMessage());
    }
    if (d.isZero() || d.isNegative()) {
      throw error("DATA-DURATION", List.of(), "must be a positive duration, got \"" + s + "\"");
    }
    return d;
  }

  static Duration parseDuration(String s) {
    String t = s.trim();
    if (t.startsWith("P") || t.startsWith("-P")) {
      try {
        return Duration.parse(t);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("\"" + s + "\" is not an ISO-8601 duration");
      }
    }
    String[] parts = t.split("\\s+");
    if (parts.length != 2) {
      throw new IllegalArgumentException("\"" + s + "\" is not a duration; write e.g. \"8 h\", \"30 min\" or \"5 d\"");
    }
    BigDecimal n;
    try {
      n = new BigDecimal(parts[0]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + s + "\" does not start with a number");
    }
    long minutes;
    switch (parts[1].toLowerCase(Locale.ROOT)) {
      case "min", "mins", "minute", "minutes" -> minutes = 1;
      case "h", "hr", "hrs", "hour", "hours" -> minutes = 60;
      case "d", "day", "days" -> minutes = 60 * 24;
      case "w", "wk", "week", "weeks" -> minutes = 60 * 24 * 7;
      default -> throw new IllegalArgumentException("\"" + s + "\" has unknown time unit \"" + parts[1]
          + "\"; use min, h, d or w");
    }
    BigDecimal total = n.multiply(BigDecimal.valueOf(minutes * 60));
    try {
      return Duration.ofSeconds(total.longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("\"" + s + "\" is not a whole number of seconds");
    }
  }

  public Duration duration(String name) {
    return get(name).duration();
  }

  public DoseRate doseRate() {
    try {
      return DoseRate.parse(text(), path);
    } catch (KetaPathException e) {
      throw wrap(e);
    }
  }

  public <E extends Enum<E>> E enumValue(Class<E> type) {
    String s = text();
    String norm = s.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(norm)) {
        return e;
      }
    }
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.name());
    }
    throw error("DATA-ENUM", List.of(), "\"" + s + "\" is not one of " + String.join(", ", names));
  }

  public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    return get(name).enumValue(type);
  }

  public <E extends Enum<E>> Optional<E> optEnum(String name, Class<E> type) {
    return opt(name).map(c -> c.enumValue(type));
  }

  /** Applies a domain parser, re-labelling its refusals with this node's location. */
  public <T> T as(Function<DataNode, T> parser) {
    try {
      return parser.apply(this);
    } catch (DataException e) {
      throw e;
    } catch (KetaPathException e) {
      throw wrap(e);
    }
  }

  /** Refuses any key of this object that was never read. */
  public void done() {
    if (!node.isObject()) {
      return;
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!read.contains(n)) {
        throw new DataException("DATA-UNKNOWN-FIELD", source, lines.getOrDefault(child(n), line()), child(n),
            List.of(), "unknown field; allowed here: " + String.join(", ", read));
      }
    }
  }

  public Set<String> fieldNames() {
    Set<String> out = new LinkedHashSet<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static String kind(JsonNode n) {
    if (n.isObject()) {
      return "an object";
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isTextual()) {
      return "text \"" + n.textValue() + "\"";
    }
    if (n.isNumber()) {
      return "the number " + n.decimalValue().toPlainString();
    }
    if (n.isBoolean()) {
      return n.asText();
    }
    return "null";
  }
}
