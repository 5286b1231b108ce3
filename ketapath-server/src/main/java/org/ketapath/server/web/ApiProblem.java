package org.ketapath.server.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal that becomes an RFC 9457 problem: HTTP status, stable code, the field at fault, the
 * rule IDs behind it and a plain-language message (invariant 9).
 */
public class ApiProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final HttpStatus status;
  private final String code;
  private final String field;
  private final List<String> rules;
  private final transient Map<String, Object> extensions;

  public ApiProblem(HttpStatus status, String code, String field, List<String> rules, String message) {
    this(status, code, field, rules, message, Map.of());
  }

  public ApiProblem(HttpStatus status, String code, String field, List<String> rules, String message,
      Map<String, Object> extensions) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.field = field;
    this.rules = List.copyOf(rules);
    this.extensions = Map.copyOf(extensions);
  }

  public static ApiProblem notFound(String what, Object id) {
    return new ApiProblem(HttpStatus.NOT_FOUND, "NOT-FOUND", null, List.of(), what + " " + id + " does not exist");
  }

  public static ApiProblem invalid(String code, String field, List<String> rules, String message) {
    return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, code, field, rules, message);
  }

  public static ApiProblem forbidden(String code, List<String> rules, String message) {
    return new ApiProblem(HttpStatus.FORBIDDEN, code, null, rules, message);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }

  public List<String> rules() {
    return rules;
  }

  public Map<String, Object> extensions() {
    return extensions;
  }
}
