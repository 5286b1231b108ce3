package org.ketapath.core.opioid;

import java.util.List;
import org.ketapath.core.KetaPathException;

/** Stable codes for refusals from the opioid-equivalence core; every one names MEDD-1 or the rule it serves. */
final class Refusals {
  static final String DRUG = "MEDD-DRUG";
  static final String ROUTE = "MEDD-ROUTE";
  static final String QUANTITY = "MEDD-QUANTITY";
  static final String EXPOSURE = "MEDD-EXPOSURE";
  static final String UNCOVERED = "MEDD-UNCOVERED";
  static final String TABLE = "MEDD-TABLE";
  static final String TABLE_UNKNOWN = "MEDD-TABLE-UNKNOWN";

  private Refusals() {}

  static KetaPathException medd1(String code, String field, String message) {
    return new KetaPathException(code, field, List.of("MEDD-1"), message);
  }
}
