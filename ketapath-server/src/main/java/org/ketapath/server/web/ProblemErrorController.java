package org.ketapath.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Errors raised outside the MVC handlers (container, filters) also become problems, never a page or a trace. */
@RestController
public class ProblemErrorController implements ErrorController {
  @RequestMapping(value = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, "*/*"})
  public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.resolve(i)
        : HttpStatus.INTERNAL_SERVER_ERROR;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String detail = switch (status) {
      case NOT_FOUND -> "no such resource";
      case BAD_REQUEST -> "the request could not be read";
      case PAYLOAD_TOO_LARGE -> "the request body is too large";
      case INTERNAL_SERVER_ERROR -> "an unexpected error occurred; nothing was written";
      default -> status.getReasonPhrase();
    };
    ProblemDetail p = ProblemWriter.problem(status, status.name().replace('_', '-'), detail, null, List.of(),
        uri == null ? null : ProblemWriter.safeInstance(uri.toString()));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }
}
