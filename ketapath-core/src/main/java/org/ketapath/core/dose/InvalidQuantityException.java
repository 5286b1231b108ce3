package org.ketapath.core.dose;

import java.util.List;
import org.ketapath.core.KetaPathException;

/** A quantity that cannot be a dose: unknown unit, negative, not a number (DOSE-1). */
public final class InvalidQuantityException extends KetaPathException {
  private static final long serialVersionUID = 1L;

  public InvalidQuantityException(String field, String message) {
    super("DOSE-INVALID", field, List.of("DOSE-1"), message);
  }
}
