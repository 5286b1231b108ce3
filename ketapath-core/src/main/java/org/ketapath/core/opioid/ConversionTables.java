package org.ketapath.core.opioid;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ketapath.core.KetaPathException;
import org.ketapath.core.dose.Decimals;

/**
 * Loads and validates opioid conversion tables (MEDD-1). A table is a YAML file; a file that breaks
 * a rule is refused as a whole with a {@link KetaPathException} (code {@code MEDD-TABLE}) whose
 * message names the file, the field and the rule. Built-in tables live on the classpath under
 * {@code tables/medd/<id>/<version>.yaml} and are listed in {@code tables/medd/index.yaml}.
 */
public final class ConversionTables {
  private static final String ROOT = "/tables/medd/";
  private static final String INDEX = ROOT + "index.yaml";
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.-]*");
  private static final Pattern RULE = Pattern.compile("MEDD-[0-9]+");
  /** Conversions known to be non-linear or unreliable: their entries must carry a warning (MEDD-3). */
  private static final Set<Opioid> NEEDS_WARNING = EnumSet.of(Opioid.METHADONE, Opioid.FENTANYL);

  private static final Set<String> TOP_KEYS = Set.of("id", "version", "title", "sources", "rules", "scope",
      "parenteralMorphineRatio", "switchWarning", "tableWarnings", "uncoveredAdvice", "factors");
  private static final Set<String> FACTOR_KEYS = Set.of("drug", "route", "per", "factor", "source", "warning");
  private static final Set<String> RATIO_KEYS = Set.of("route", "oralPerParenteral", "source");
  private static final Set<String> INDEX_KEYS = Set.of("tables");

  private static final ObjectMapper YAML = new ObjectMapper(
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private static final Object LOCK = new Object();
  private static volatile List<ConversionTable> builtIns;

  private ConversionTables() {}

  /**
   * Reads and validates one table. {@code sourceName} is how the file is named in messages (a
   * classpath path, a file name, an upload name); the stream is read but not closed.
   */
  public static ConversionTable parse(String sourceName, InputStream in) {
    return new Reader(sourceName).table(readTree(sourceName, in));
  }

  /** Every built-in table, in the order of the index, loaded once and cached. */
  public static List<ConversionTable> builtIn() {
    List<ConversionTable> tables = builtIns;
    if (tables == null) {
      synchronized (LOCK) {
        tables = builtIns;
        if (tables == null) {
          tables = loadBuiltIns();
          builtIns = tables;
        }
      }
    }
    return tables;
  }

  /** One built-in table; an unknown id or version is refused with a message listing what exists. */
  public static ConversionTable builtIn(String id, String version) {
    List<ConversionTable> all = builtIn();
    for (ConversionTable t : all) {
      if (t.id().equals(id) && t.version().equals(version)) {
        return t;
      }
    }
    List<String> versions = all.stream().filter(t -> t.id().equals(id)).map(ConversionTable::version).toList();
    String available = all.stream().map(ConversionTable::ref).collect(Collectors.joining(", "));
    if (!versions.isEmpty()) {
      throw Refusals.medd1(Refusals.TABLE_UNKNOWN, "table.version", "Conversion table " + id + " has no version \""
          + version + "\"; available versions: " + String.join(", ", versions));
    }
    throw Refusals.medd1(Refusals.TABLE_UNKNOWN, "table.id",
        "No conversion table \"" + id + "\"; available: " + available);
  }

  /** The built-in tables that cover {@code drug} by {@code route}, for suggestions in refusals. */
  public static List<ConversionTable> builtInCovering(Opioid drug, OpioidRoute route) {
    return builtIn().stream().filter(t -> t.covers(drug, route)).toList();
  }

  private static List<ConversionTable> loadBuiltIns() {
    JsonNode index;
    try (InputStream in = ConversionTables.class.getResourceAsStream(INDEX)) {
      if (in == null) {
        throw Refusals.medd1(Refusals.TABLE, "", "Built-in conversion table index " + INDEX + " is missing");
      }
      index = readTree(INDEX, in);
    } catch (IOException e) {
      throw Refusals.medd1(Refusals.TABLE, "", "Cannot read " + INDEX + ": " + e.getMessage());
    }
    Reader reader = new Reader(INDEX);
    reader.onlyKeys(index, "", INDEX_KEYS);
    List<ConversionTable> tables = new ArrayList<>();
    List<JsonNode> entries = reader.list(index, "", "tables");
    for (int i = 0; i < entries.size(); i++) {
      String entry = reader.text(entries.get(i), "tables[" + i + "]");
      String path = ROOT + entry + ".yaml";
      ConversionTable table;
      try (InputStream in = ConversionTables.class.getResourceAsStream(path)) {
        if (in == null) {
          throw reader.fail("tables[" + i + "]", "names " + path + ", which is not on the classpath",
              "every listed table exists");
        }
        table = parse(path, in);
      } catch (IOException e) {
        throw Refusals.medd1(Refusals.TABLE, "", "Cannot read " + path + ": " + e.getMessage());
      }
      if (!entry.equals(table.id() + "/" + table.version())) {
        throw new Reader(path).fail("id", "and version say " + table.ref() + " but the file is " + entry + ".yaml",
            "a built-in table lives at tables/medd/<id>/<version>.yaml");
      }
      tables.add(table);
    }
    return List.copyOf(tables);
  }

  private static JsonNode readTree(String sourceName, InputStream in) {
    try {
      JsonNode root = YAML.readTree(in);
      if (root == null || root.isMissingNode() || root.isNull()) {
        throw Refusals.medd1(Refusals.TABLE, "", sourceName + ": the file is empty");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      String field = where == null ? "" : "line " + where.getLineNr() + ", column " + where.getColumnNr();
      throw new KetaPathException(Refusals.TABLE, field, List.of("MEDD-1"),
          sourceName + ": " + field + ": not valid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw Refusals.medd1(Refusals.TABLE, "", sourceName + ": cannot be read: " + e.getMessage());
    }
  }

  /** Walks the YAML tree of one file, refusing the first rule it breaks. */
  private static final class Reader {
    private final String source;

    Reader(String source) {
      this.source = source;
    }

    ConversionTable table(JsonNode root) {
      if (!root.isObject()) {
        throw fail("(top level)", "must be a mapping of keys such as id, version and factors", "a table is a mapping (MEDD-1)");
      }
      onlyKeys(root, "", TOP_KEYS);
      String id = text(required(root, "", "id"), "id");
      if (!ID.matcher(id).matches()) {
        throw fail("id", "\"" + id + "\" must be lower-case letters, digits and hyphens", "ids are stable names (MEDD-1)");
      }
      JsonNode versionNode = required(root, "", "version");
      if (!versionNode.isTextual()) {
        throw fail("version", "must be a quoted string such as \"1.0\" (a bare number loses digits: 1.10 reads as 1.1)",
            "a table names its version (MEDD-1)");
      }
      String version = text(versionNode, "version");
      if (!VERSION.matcher(version).matches()) {
        throw fail("version", "\"" + version + "\" may contain only letters, digits, dots and hyphens",
            "a table names its version (MEDD-1)");
      }
      String title = text(required(root, "", "title"), "title");
      List<String> sources = textList(root, "sources");
      List<String> rules = textList(root, "rules");
      for (int i = 0; i < rules.size(); i++) {
        if (!RULE.matcher(rules.get(i)).matches()) {
          throw fail("rules[" + i + "]", "\"" + rules.get(i) + "\" is not a MEDD rule ID", "a table names the MEDD rules it serves (MEDD-1)");
        }
      }
      String scope = text(required(root, "", "scope"), "scope");
      String switchWarning = text(required(root, "", "switchWarning"), "switchWarning");
      List<String> tableWarnings = root.has("tableWarnings") ? textList(root, "tableWarnings") : List.of();
      Optional<String> uncoveredAdvice = root.has("uncoveredAdvice")
          ? Optional.of(text(root.get("uncoveredAdvice"), "uncoveredAdvice")) : Optional.empty();

      List<ConversionFactor> factors = factors(root);
      Optional<ParenteralRatio> ratio = root.has("parenteralMorphineRatio")
          ? Optional.of(ratio(root.get("parenteralMorphineRatio"))) : Optional.empty();
      checkConsistency(factors, ratio, rules);
      return new ConversionTable(id, version, title, sources, rules, scope, ratio, switchWarning, tableWarnings,
          uncoveredAdvice, factors);
    }

    private List<ConversionFactor> factors(JsonNode root) {
      List<JsonNode> entries = list(root, "", "factors");
      List<ConversionFactor> factors = new ArrayList<>();
      Map<String, Integer> seen = new LinkedHashMap<>();
      for (int i = 0; i < entries.size(); i++) {
        String at = "factors[" + i + "]";
        JsonNode e = entries.get(i);
        if (!e.isObject()) {
          throw fail(at, "must be a mapping with drug, route, per, factor and source", "one entry per drug and route (MEDD-1)");
        }
        onlyKeys(e, at, FACTOR_KEYS);
        Opioid drug = drug(text(required(e, at, "drug"), at + ".drug"), at + ".drug");
        OpioidRoute route = route(text(required(e, at, "route"), at + ".route"), at + ".route");
        String perText = text(required(e, at, "per"), at + ".per");
        FactorUnit per = FactorUnit.lookup(perText).orElseThrow(() -> fail(at + ".per",
            "is \"" + perText + "\", not a factor unit; use mg, mcg or mcg/h",
            "a factor states the unit it applies to (MEDD-1)"));
        BigDecimal factor = positive(required(e, at, "factor"), at + ".factor");
        String source = text(required(e, at, "source"), at + ".source");
        Optional<String> warning = e.has("warning") ? Optional.of(text(e.get("warning"), at + ".warning"))
            : Optional.empty();
        if ((route == OpioidRoute.TRANSDERMAL) != (per == FactorUnit.MCG_PER_HOUR)) {
          throw fail(at + ".per", "is " + per.symbol() + " for " + route.displayName() + " " + drug.displayName()
              + "; transdermal factors are per mcg/h and only transdermal factors are",
              "patch factors are oral morphine mg/day per mcg/h (MEDD-1)");
        }
        if (NEEDS_WARNING.contains(drug) && warning.isEmpty()) {
          throw fail(at + ".warning", "is missing for " + drug.displayName() + " " + route.displayName(),
              "methadone and fentanyl conversions carry a warning in the result (MEDD-3)");
        }
        Integer earlier = seen.putIfAbsent(drug + "/" + route, i);
        if (earlier != null) {
          throw fail(at, "repeats " + drug.displayName() + " " + route.displayName() + " (already factors[" + earlier
              + "])", "one entry per drug and route (MEDD-1)");
        }
        factors.add(new ConversionFactor(drug, route, per, factor, source, warning));
      }
      return factors;
    }

    private ParenteralRatio ratio(JsonNode node) {
      String at = "parenteralMorphineRatio";
      if (!node.isObject()) {
        throw fail(at, "must be a mapping with route, oralPerParenteral and source", requiredRule(at));
      }
      onlyKeys(node, at, RATIO_KEYS);
      OpioidRoute route = route(text(required(node, at, "route"), at + ".route"), at + ".route");
      if (!route.isParenteral()) {
        throw fail(at + ".route", "is " + route.displayName() + "; the parenteral basis is IV or SC",
            "parenteral MEDD is expressed as IV or SC morphine (MEDD-2)");
      }
      BigDecimal value = positive(required(node, at, "oralPerParenteral"), at + ".oralPerParenteral");
      String source = text(required(node, at, "source"), at + ".source");
      return new ParenteralRatio(route, value, source);
    }

    private void checkConsistency(List<ConversionFactor> factors, Optional<ParenteralRatio> ratio, List<String> rules) {
      Optional<ConversionFactor> oralMorphine = factors.stream()
          .filter(f -> f.drug() == Opioid.MORPHINE && f.route() == OpioidRoute.ORAL).findFirst();
      if (oralMorphine.isEmpty() || oralMorphine.get().factor().compareTo(BigDecimal.ONE) != 0
          || oralMorphine.get().per() != FactorUnit.MG) {
        throw fail("factors", "must contain morphine oral with factor 1 per mg",
            "oral morphine is the reference every factor is expressed in (MEDD-1)");
      }
      Optional<ConversionFactor> parenteral = factors.stream().filter(f -> f.route().isParenteral()).findFirst();
      if (parenteral.isPresent() && ratio.isEmpty()) {
        throw fail("parenteralMorphineRatio", "is missing, but the table has parenteral entries (first: "
            + parenteral.get().drug().displayName() + " " + parenteral.get().route().displayName() + ")",
            "a table with IV or SC entries states its oral:parenteral morphine ratio (MEDD-2)");
      }
      if (ratio.isPresent()) {
        ParenteralRatio r = ratio.get();
        Optional<ConversionFactor> basis = factors.stream()
            .filter(f -> f.drug() == Opioid.MORPHINE && f.route() == r.route()).findFirst();
        if (basis.isPresent() && basis.get().factor().compareTo(r.oralPerParenteral()) != 0) {
          throw fail("parenteralMorphineRatio.oralPerParenteral", "is " + Decimals.plain(r.oralPerParenteral())
              + " but the morphine " + r.route().displayName() + " factor is " + Decimals.plain(basis.get().factor()),
              "the parenteral basis agrees with the table's own morphine entry (MEDD-2)");
        }
        if (!rules.contains("MEDD-2")) {
          throw fail("rules", "must name MEDD-2 because the table gives a parenteral ratio", "a table names the rules it serves (MEDD-2)");
        }
      }
      for (String needed : List.of("MEDD-1", "MEDD-3")) {
        if (!rules.contains(needed)) {
          throw fail("rules", "must name " + needed, "every table serves MEDD-1 (sum) and MEDD-3 (warnings)");
        }
      }
    }

    private Opioid drug(String text, String field) {
      try {
        return Opioid.parse(text, field);
      } catch (KetaPathException e) {
        throw fail(field, e.getMessage().substring(field.length() + 1), "factors name a known opioid (MEDD-1)");
      }
    }

    private OpioidRoute route(String text, String field) {
      try {
        return OpioidRoute.parse(text, field);
      } catch (KetaPathException e) {
        throw fail(field, e.getMessage().substring(field.length() + 1), "factors name a known route (MEDD-1)");
      }
    }

    private BigDecimal positive(JsonNode node, String field) {
      if (!node.isNumber()) {
        throw fail(field, "must be a number, got " + describe(node), "factors are positive numbers (MEDD-1)");
      }
      BigDecimal value = node.decimalValue();
      if (value.signum() <= 0) {
        throw fail(field, "must be a positive number, got " + value.toPlainString(),
            "factors are positive numbers (MEDD-1)");
      }
      return value;
    }

    void onlyKeys(JsonNode node, String at, Set<String> allowed) {
      if (!node.isObject()) {
        throw fail(at.isEmpty() ? "(top level)" : at, "must be a mapping", "the conversion table format (MEDD-1)");
      }
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!allowed.contains(name)) {
          throw fail(join(at, name), "is not a known key; allowed here: "
              + allowed.stream().sorted().collect(Collectors.joining(", ")),
              "unknown keys are refused so that a misspelt entry is never silently ignored (MEDD-1)");
        }
      }
    }

    private JsonNode required(JsonNode node, String at, String key) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        throw fail(join(at, key), "is missing", requiredRule(at));
      }
      return value;
    }

    private static String requiredRule(String at) {
      if (at.startsWith("factors[")) {
        return "every factor entry states drug, route, per, factor and source (MEDD-1)";
      }
      if (at.startsWith("parenteralMorphineRatio")) {
        return "the parenteral ratio states route, oralPerParenteral and source (MEDD-2)";
      }
      if (at.startsWith("tables[")) {
        return "the index lists the built-in tables as <id>/<version> (MEDD-1)";
      }
      return "every conversion table states id, version, title, sources, rules, scope, switchWarning and factors"
          + " (MEDD-1)";
    }

    List<JsonNode> list(JsonNode node, String at, String key) {
      JsonNode value = required(node, at, key);
      String field = join(at, key);
      if (!value.isArray() || value.isEmpty()) {
        throw fail(field, "must be a non-empty list", requiredRule(field));
      }
      List<JsonNode> out = new ArrayList<>();
      value.forEach(out::add);
      return out;
    }

    private List<String> textList(JsonNode node, String key) {
      List<JsonNode> items = list(node, "", key);
      List<String> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        out.add(text(items.get(i), key + "[" + i + "]"));
      }
      return out;
    }

    String text(JsonNode node, String field) {
      if (node == null || node.isNull()) {
        throw fail(field, "is missing", requiredRule(field));
      }
      if (!node.isValueNode() || node.isBoolean()) {
        throw fail(field, "must be text, got " + describe(node), requiredRule(field));
      }
      String text = node.asText().trim();
      if (text.isEmpty()) {
        throw fail(field, "must not be blank", requiredRule(field));
      }
      return text;
    }

    /** The rule text ends with the rule ID it serves, e.g. "(MEDD-2)"; that ID goes into the refusal. */
    KetaPathException fail(String field, String problem, String rule) {
      Matcher id = RULE.matcher(rule);
      List<String> ruleIds = id.find() ? List.of(id.group()) : List.of("MEDD-1");
      return new KetaPathException(Refusals.TABLE, field, ruleIds,
          source + ": " + field + " " + problem + " [rule: " + rule + "]");
    }

    private static String join(String at, String key) {
      return at.isEmpty() ? key : at + "." + key;
    }

    private static String describe(JsonNode node) {
      if (node.isArray()) {
        return "a list";
      }
      if (node.isObject()) {
        return "a mapping";
      }
      return "\"" + node.asText() + "\"";
    }
  }
}
