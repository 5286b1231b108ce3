package org.ketapath.core.opioid;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The opioids whose morphine equivalence KetaPath can compute, with their RxNorm ingredient codes. */
public enum Opioid {
  MORPHINE("7052"),
  HYDROMORPHONE("3423"),
  OXYCODONE("7804"),
  FENTANYL("4337"),
  METHADONE("6813"),
  HYDROCODONE("5489"),
  CODEINE("2670"),
  TRAMADOL("10689"),
  TAPENTADOL("787390"),
  OXYMORPHONE("7814");

  private final String rxNormIngredient;

  Opioid(String rxNormIngredient) {
    this.rxNormIngredient = rxNormIngredient;
  }

  /** RxNorm ingredient (IN) concept code, e.g. "7052" for morphine. */
  public String rxNormIngredient() {
    return rxNormIngredient;
  }

  /** Lower-case name for messages: "hydromorphone". */
  public String displayName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Case-insensitive name ("Morphine", "OXYCODONE"); anything else is refused naming the field. */
  public static Opioid parse(String text, String field) {
    if (text != null) {
      String wanted = text.trim().toUpperCase(Locale.ROOT);
      for (Opioid o : values()) {
        if (o.name().equals(wanted)) {
          return o;
        }
      }
    }
    String accepted = Arrays.stream(values()).map(Opioid::displayName).collect(Collectors.joining(", "));
    String got = text == null || text.isBlank() ? "is missing" : "\"" + text.trim() + "\" is not a known opioid";
    throw Refusals.medd1(Refusals.DRUG, field, field + " " + got + "; accepted: " + accepted);
  }
}
