package org.ketapath.core.opioid;

import java.util.Locale;
import java.util.Map;

/** How an opioid was given. IV and SC are the parenteral routes. */
public enum OpioidRoute {
  ORAL,
  IV,
  SC,
  TRANSDERMAL;

  private static final Map<String, OpioidRoute> SPELLINGS = Map.ofEntries(
      Map.entry("ORAL", ORAL), Map.entry("PO", ORAL),
      Map.entry("IV", IV), Map.entry("INTRAVENOUS", IV),
      Map.entry("SC", SC), Map.entry("SUBCUT", SC), Map.entry("SUBCUTANEOUS", SC),
      Map.entry("TRANSDERMAL", TRANSDERMAL), Map.entry("TD", TRANSDERMAL), Map.entry("PATCH", TRANSDERMAL));

  public boolean isParenteral() {
    return this == IV || this == SC;
  }

  /** "oral", "IV", "SC", "transdermal": as clinicians write them. */
  public String displayName() {
    return switch (this) {
      case ORAL -> "oral";
      case IV -> "IV";
      case SC -> "SC";
      case TRANSDERMAL -> "transdermal";
    };
  }

  /** Case-insensitive; also PO (oral), SUBCUT/SUBCUTANEOUS (SC), TD/PATCH (transdermal), INTRAVENOUS (IV). */
  public static OpioidRoute parse(String text, String field) {
    if (text != null) {
      OpioidRoute route = SPELLINGS.get(text.trim().toUpperCase(Locale.ROOT));
      if (route != null) {
        return route;
      }
    }
    String got = text == null || text.isBlank() ? "is missing" : "\"" + text.trim() + "\" is not a known route";
    throw Refusals.medd1(Refusals.ROUTE, field,
        field + " " + got + "; accepted: oral (PO), IV, SC (subcut, subcutaneous), transdermal (TD, patch)");
  }
}
