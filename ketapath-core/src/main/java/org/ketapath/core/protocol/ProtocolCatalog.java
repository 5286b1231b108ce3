package org.ketapath.core.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ketapath.core.KetaPathException;

/**
 * The protocol versions known to this installation. The built-in catalogue holds the three
 * published protocols shipped with KetaPath; a hospital adds its own versions with {@link #with}.
 */
public final class ProtocolCatalog {
  /** Shipped protocol files, one per version. */
  private static final List<String> BUILT_IN = List.of(
      "/protocols/civik/1.0.0.yaml",
      "/protocols/pain-crisis/1.0.0.yaml",
      "/protocols/outpatient-sessions/1.0.0.yaml");

  private static volatile ProtocolCatalog builtIn;

  private final Map<String, Protocol> byRef;

  private ProtocolCatalog(Map<String, Protocol> byRef) {
    this.byRef = Collections.unmodifiableMap(byRef);
  }

  public static ProtocolCatalog builtIn() {
    ProtocolCatalog c = builtIn;
    if (c == null) {
      synchronized (ProtocolCatalog.class) {
        if (builtIn == null) {
          Map<String, Protocol> map = new LinkedHashMap<>();
          for (String path : BUILT_IN) {
            try (InputStream in = ProtocolCatalog.class.getResourceAsStream(path)) {
              if (in == null) {
                throw new IllegalStateException("missing built-in protocol " + path);
              }
              Protocol p = ProtocolLoader.parse(path.substring(1), in);
              map.put(p.ref(), p);
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          }
          builtIn = new ProtocolCatalog(map);
        }
        c = builtIn;
      }
    }
    return c;
  }

  /** A catalogue with one more protocol version; a version already present is refused, never replaced. */
  public ProtocolCatalog with(Protocol p) {
    if (byRef.containsKey(p.ref())) {
      throw new KetaPathException("PROTOCOL-EXISTS", "protocol", List.of(), "protocol " + p.ref()
          + " already exists; publish a new version instead of changing it");
    }
    Map<String, Protocol> map = new LinkedHashMap<>(byRef);
    map.put(p.ref(), p);
    return new ProtocolCatalog(map);
  }

  public List<Protocol> all() {
    List<Protocol> out = new ArrayList<>(byRef.values());
    out.sort(Comparator.comparing(Protocol::id).thenComparing(Protocol::version));
    return out;
  }

  public Optional<Protocol> find(String id, String version) {
    return Optional.ofNullable(byRef.get(id + "@" + version));
  }

  /** The protocol, or a refusal that lists what exists. */
  public Protocol require(String id, String version) {
    return find(id, version).orElseThrow(() -> new KetaPathException("PROTOCOL-UNKNOWN", "protocol",
        List.of(), "unknown protocol " + id + "@" + version + "; known: " + String.join(", ", byRef.keySet())));
  }
}
