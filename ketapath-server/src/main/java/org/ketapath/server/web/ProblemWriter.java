package org.ketapath.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds RFC 9457 problems and writes them where no MVC handler runs (filters, security). */
@Component
public class ProblemWriter {
  private final ObjectMapper mapper;

  public ProblemWriter(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public static ProblemDetail problem(HttpStatus status, String code, String detail, String field, List<String> rules,
      String instance) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create("urn:ketapath:problem:" + code.toLowerCase(java.util.Locale.ROOT)));
    p.setTitle(status.getReasonPhrase());
    if (instance != null) {
      p.setInstance(URI.create(instance));
    }
    p.setProperty("code", code);
    if (field != null) {
      p.setProperty("field", field);
    }
    p.setProperty("rules", rules == null ? List.of() : rules);
    return p;
  }

  public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
      String detail, Map<String, String> headers) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status.value());
    headers.forEach(response::setHeader);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    mapper.writeValue(response.getOutputStream(),
        problem(status, code, detail, null, List.of(), safeInstance(request.getRequestURI())));
  }

  static String safeInstance(String uri) {
    try {
      return uri == null ? null : URI.create(uri).toString();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
