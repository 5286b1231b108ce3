package org.ketapath.core.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.ketapath.core.data.DataNode;
import org.ketapath.core.data.LocatedTree;

/**
 * The hospital's vocabulary of clinical services (PROT-1, INST-1): the codes a protocol may name
 * as ordering services and an account may carry. Data, not code, so a hospital adds its own
 * services; a protocol naming a service outside it is refused when loaded.
 */
public final class ServiceVocabulary {
  /** The vocabulary shipped with KetaPath. */
  public static final String BUNDLED = "services/clinical-services.yaml";
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,60}");
  private static volatile ServiceVocabulary bundled;

  private final Map<String, String> services;

  private ServiceVocabulary(Map<String, String> services) {
    this.services = Collections.unmodifiableMap(services);
  }

  /** Reads a vocabulary file; every refusal names the file, the line and the field. */
  public static ServiceVocabulary parse(String sourceName, InputStream in) {
    DataNode root = LocatedTree.byName(sourceName, in);
    root.string("id");
    root.string("version");
    Map<String, String> out = new LinkedHashMap<>();
    for (DataNode s : root.list("services")) {
      String code = s.string("code");
      if (!CODE.matcher(code).matches()) {
        throw s.get("code").error("DATA-INVALID", List.of("PROT-1"), "\"" + code
            + "\" is not a service code (upper case letters, digits and _)");
      }
      if (out.put(code, s.string("description")) != null) {
        throw s.get("code").error("DATA-DUPLICATE", List.of("PROT-1"), "service " + code + " is listed twice");
      }
      s.done();
    }
    root.done();
    if (out.isEmpty()) {
      throw root.error("DATA-MISSING", List.of("PROT-1"), "the service vocabulary lists no service");
    }
    return new ServiceVocabulary(out);
  }

  /** The bundled vocabulary, read once. */
  public static ServiceVocabulary bundled() {
    ServiceVocabulary v = bundled;
    if (v == null) {
      synchronized (ServiceVocabulary.class) {
        if (bundled == null) {
          try (InputStream in = ServiceVocabulary.class.getResourceAsStream("/" + BUNDLED)) {
            if (in == null) {
              throw new IllegalStateException("missing bundled service vocabulary " + BUNDLED);
            }
            bundled = parse(BUNDLED, in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        v = bundled;
      }
    }
    return v;
  }

  public boolean contains(String code) {
    return services.containsKey(code);
  }

  public Map<String, String> all() {
    return services;
  }
}
