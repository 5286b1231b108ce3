package org.ketapath.archfixture.data;

/** A parsing helper in a data package: excluded from invariant 2 as the core's data package is. */
public final class DoubleParsingHelper {
  private DoubleParsingHelper() {}

  public static double parse(String text) {
    return Double.parseDouble(text);
  }
}
