package org.ketapath.server.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The five roles of issue 3. Each maps to the Spring authority {@code ROLE_<name>}. */
public enum Role {
  /** Orders, signs and overrides (INST-1). */
  PAIN_PHYSICIAN,
  /** Records observations; titrates only within the order and the protocol (INST-4). */
  NURSE,
  /** Verifies orders: concentration, weight, dose. */
  PHARMACIST,
  /** Reads de-identified outcomes only. */
  RESEARCHER,
  /** Manages users and protocol versions; sees no clinical record. */
  ADMIN;

  public static final Set<Role> CLINICAL = EnumSet.of(PAIN_PHYSICIAN, NURSE, PHARMACIST);

  public String authority() {
    return "ROLE_" + name();
  }

  public static Optional<Role> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim().toUpperCase(java.util.Locale.ROOT);
    if (t.startsWith("ROLE_")) {
      t = t.substring(5);
    }
    String name = t;
    return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
  }
}
