package org.ketapath.core.data;

import java.util.List;
import org.ketapath.core.KetaPathException;

/** Malformed or invalid data in a protocol, table or timeline file; the message names file, line and field. */
public final class DataException extends KetaPathException {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final int line;

  public DataException(String code, String source, int line, String field, List<String> ruleIds, String detail) {
    super(code, field, ruleIds, format(source, line, field, ruleIds, detail));
    this.source = source;
    this.line = line;
  }

  private static String format(String source, int line, String field, List<String> ruleIds, String detail) {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line);
    }
    sb.append(": ");
    if (field != null && !field.isEmpty()) {
      sb.append(field).append(": ");
    }
    sb.append(detail);
    if (!ruleIds.isEmpty()) {
      sb.append(" (").append(String.join(", ", ruleIds)).append(')');
    }
    return sb.toString();
  }

  public String source() {
    return source;
  }

  /** 1-based line in the file, 0 when unknown. */
  public int line() {
    return line;
  }
}
