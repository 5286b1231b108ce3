package org.ketapath.server.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ketapath.core.KetaPathException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 9457 problem (application/problem+json) with a stable
 * {@code code}, the {@code field} at fault and the {@code rules} behind the refusal. Validation
 * failures list each field with its rule. No stack trace ever reaches a client.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> apiProblem(ApiProblem e, HttpServletRequest request) {
    ProblemDetail p = ProblemWriter.problem(e.status(), e.code(), e.getMessage(), e.field(), e.rules(),
        ProblemWriter.safeInstance(request.getRequestURI()));
    e.extensions().forEach(p::setProperty);
    return respond(p);
  }

  @ExceptionHandler(KetaPathException.class)
  ResponseEntity<ProblemDetail> core(KetaPathException e, HttpServletRequest request) {
    // The core names the source and line ("body:1: nrs: ..."); the request body has no lines to speak of.
    String detail = e.getMessage() == null ? e.code() : e.getMessage().replaceFirst("^body(:\\d+)?: ", "");
    return respond(ProblemWriter.problem(HttpStatus.UNPROCESSABLE_ENTITY, e.code(), detail,
        e.field().isEmpty() ? null : e.field(), e.ruleIds(), ProblemWriter.safeInstance(request.getRequestURI())));
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
    LOG.info("refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
    return respond(ProblemWriter.problem(HttpStatus.CONFLICT, "CONFLICT",
        "the write conflicts with what is already recorded (a duplicate or a missing reference)", null, List.of(),
        ProblemWriter.safeInstance(request.getRequestURI())));
  }

  @ExceptionHandler({TransientDataAccessException.class, PessimisticLockingFailureException.class})
  ResponseEntity<ProblemDetail> transientDb(RuntimeException e, HttpServletRequest request) {
    LOG.warn("transient database failure: {}", e.toString());
    ProblemDetail p = ProblemWriter.problem(HttpStatus.SERVICE_UNAVAILABLE, "DATABASE-BUSY",
        "the record could not be reached just now; nothing was written; retry", null, List.of(),
        ProblemWriter.safeInstance(request.getRequestURI()));
    return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "1").contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    HttpStatus status = e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)
        ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    return respond(ProblemWriter.problem(status, status == HttpStatus.NOT_FOUND ? "NOT-FOUND" : "BAD-PARAMETER",
        e.getName() + " '" + e.getValue() + "' is not a valid " + e.getRequiredType().getSimpleName(), e.getName(),
        List.of(), ProblemWriter.safeInstance(request.getRequestURI())));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    String incident = UUID.randomUUID().toString();
    LOG.error("unexpected error, incident {}", incident, e);
    ProblemDetail p = ProblemWriter.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL",
        "an unexpected error occurred; nothing was written. Report incident " + incident, null, List.of(),
        ProblemWriter.safeInstance(request.getRequestURI()));
    p.setProperty("incident", incident);
    return respond(p);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    List<Map<String, Object>> errors = new ArrayList<>();
    for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
      errors.add(error(fe.getField(), fe.getDefaultMessage(), fe.getRejectedValue()));
    }
    ex.getBindingResult().getGlobalErrors().forEach(ge -> errors.add(error(ge.getObjectName(), ge.getDefaultMessage(), null)));
    return invalid(errors, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, Object>> errors = new ArrayList<>();
    ex.getParameterValidationResults().forEach(result -> {
      String param = result.getMethodParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.RequestHeader.class)
          ? result.getMethodParameter().getParameterAnnotation(org.springframework.web.bind.annotation.RequestHeader.class).value()
          : result.getMethodParameter().getParameterName();
      for (MessageSourceResolvable r : result.getResolvableErrors()) {
        if (r instanceof FieldError fe) {
          errors.add(error(fe.getField(), fe.getDefaultMessage(), fe.getRejectedValue()));
        } else {
          errors.add(error(param, r.getDefaultMessage(), result.getArgument()));
        }
      }
    });
    return invalid(errors, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    Throwable cause = ex.getMostSpecificCause();
    String code = "MALFORMED-JSON";
    String field = null;
    String detail = "the request body is not valid JSON";
    if (ex.getCause() instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
      field = jme.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      if (ex.getCause() instanceof UnrecognizedPropertyException) {
        code = "UNKNOWN-FIELD";
        detail = "unknown field '" + field + "'";
      } else if (ex.getCause() instanceof InvalidFormatException ife) {
        code = "BAD-VALUE";
        detail = field + ": '" + ife.getValue() + "' is not a valid " + ife.getTargetType().getSimpleName();
      } else if (ex.getCause() instanceof MismatchedInputException mie) {
        code = "BAD-VALUE";
        detail = field + " has the wrong JSON type" + (mie.getTargetType() == null ? ""
            : " (expected " + mie.getTargetType().getSimpleName() + ")");
      } else {
        code = "BAD-VALUE";
        detail = field + " is not valid";
      }
    } else if (cause != null && cause.getMessage() != null && cause.getMessage().contains("Required request body is missing")) {
      detail = "a JSON request body is required";
    } else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
      detail = "a JSON request body is required";
    }
    ProblemDetail p = ProblemWriter.problem(HttpStatus.BAD_REQUEST, code, detail, field, List.of(), path(request));
    return new ResponseEntity<>(p, problemHeaders(), HttpStatus.BAD_REQUEST);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    ResponseEntity<Object> r = super.handleExceptionInternal(ex, body, headers, statusCode, request);
    if (r != null && r.getBody() instanceof ProblemDetail p) {
      HttpStatus status = HttpStatus.resolve(statusCode.value());
      String code = p.getProperties() != null && p.getProperties().containsKey("code") ? null
          : status == null ? "ERROR" : status.name().replace('_', '-');
      if (code != null) {
        p.setProperty("code", code);
        p.setType(java.net.URI.create("urn:ketapath:problem:" + code.toLowerCase(java.util.Locale.ROOT)));
        p.setProperty("rules", List.of());
      }
      if (ex instanceof MissingRequestHeaderException mrh) {
        p.setProperty("field", mrh.getHeaderName());
        p.setProperty("code", "HEADER-MISSING");
        p.setType(java.net.URI.create("urn:ketapath:problem:header-missing"));
        if ("Idempotency-Key".equals(mrh.getHeaderName())) {
          p.setDetail("every write needs an Idempotency-Key header (a new UUID per intended write; reuse it on retry)");
          p.setProperty("rules", List.of("STREAM"));
        }
      }
      HttpHeaders h = new HttpHeaders();
      h.putAll(r.getHeaders());
      h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
      return new ResponseEntity<>(p, h, r.getStatusCode());
    }
    return r;
  }

  private ResponseEntity<Object> invalid(List<Map<String, Object>> errors, WebRequest request) {
    String detail = errors.stream().map(e -> e.get("field") + ": " + e.get("message")).collect(Collectors.joining("; "));
    Map<String, Object> first = errors.isEmpty() ? Map.of() : errors.get(0);
    List<String> rules = errors.stream().map(e -> (String) e.get("rule")).filter(r -> r != null).distinct().toList();
    ProblemDetail p = ProblemWriter.problem(HttpStatus.UNPROCESSABLE_ENTITY, "VALIDATION", detail,
        (String) first.get("field"), rules, path(request));
    p.setProperty("errors", errors);
    return new ResponseEntity<>(p, problemHeaders(), HttpStatus.UNPROCESSABLE_ENTITY);
  }

  /** "[RULE] message" becomes rule + message. */
  private static Map<String, Object> error(String field, String message, Object rejected) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("field", field);
    String msg = message == null ? "invalid" : message;
    if (msg.startsWith("[") && msg.indexOf(']') > 1) {
      e.put("rule", msg.substring(1, msg.indexOf(']')));
      msg = msg.substring(msg.indexOf(']') + 1).trim();
    }
    e.put("message", msg);
    if (rejected != null && (rejected instanceof Number || rejected instanceof String s && s.length() <= 100)) {
      e.put("rejected", rejected);
    }
    return e;
  }

  private static HttpHeaders problemHeaders() {
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return h;
  }

  private static String path(WebRequest request) {
    return request instanceof ServletWebRequest swr ? ProblemWriter.safeInstance(swr.getRequest().getRequestURI()) : null;
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
    return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }
}
