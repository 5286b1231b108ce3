package org.ketapath.core.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ketapath.core.data.DataNode;
import org.ketapath.core.data.LocatedTree;

/** The rule IDs of the clinical requirements digest, with short titles; loaded from the classpath. */
public final class RuleRegistry {
  private static final String RESOURCE = "/rules/clinical-rules.yaml";
  private static final Map<String, String> RULES = load();

  private RuleRegistry() {}

  private static Map<String, String> load() {
    try (InputStream in = RuleRegistry.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE);
      }
      DataNode root = LocatedTree.yaml(RESOURCE, in);
      Map<String, String> out = new LinkedHashMap<>();
      for (DataNode r : root.list("rules")) {
        out.put(r.string("id"), r.string("title"));
        r.done();
      }
      root.done();
      return Collections.unmodifiableMap(out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean isKnown(String id) {
    return RULES.containsKey(id);
  }

  public static Optional<String> title(String id) {
    return Optional.ofNullable(RULES.get(id));
  }

  public static Map<String, String> all() {
    return RULES;
  }
}
