package org.ketapath.core;

import java.util.List;

/**
 * A refusal with a stable code, the field (or file location) at fault, the rule IDs behind it and a
 * plain-language message. Callers (CLI, REST) map it to an exit code or an RFC 9457 problem; a
 * user never sees a stack trace for one of these.
 */
public class KetaPathException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;
  private final String field;
  private final List<String> ruleIds;

  public KetaPathException(String code, String field, List<String> ruleIds, String message) {
    super(message);
    this.code = code;
    this.field = field;
    this.ruleIds = List.copyOf(ruleIds);
  }

  public KetaPathException(String code, String field, List<String> ruleIds, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.field = field;
    this.ruleIds = List.copyOf(ruleIds);
  }

  /** Stable machine-readable code, e.g. {@code DOSE-UNIT}. */
  public String code() {
    return code;
  }

  /** The field, JSON pointer or file location at fault; may be empty. */
  public String field() {
    return field;
  }

  public List<String> ruleIds() {
    return ruleIds;
  }
}
