package org.ketapath.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above the limit (default 64 KB) with 413 before anything else reads
 * them, including chunked bodies without a length. API bodies are kept in memory so that the
 * idempotency filter can hash them and the handler can still read them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class BodyLimitFilter extends OncePerRequestFilter {
  private final int maxBytes;
  private final ProblemWriter problems;

  public BodyLimitFilter(@Value("${ketapath.http.max-body-bytes:65536}") int maxBytes, ProblemWriter problems) {
    this.maxBytes = maxBytes;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      tooLarge(request, response);
      return;
    }
    boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    boolean hasBody = switch (request.getMethod()) {
      case "POST", "PUT", "PATCH", "DELETE" -> true;
      default -> false;
    };
    if (!api || !hasBody) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(maxBytes + 1);
    }
    if (body.length > maxBytes) {
      tooLarge(request, response);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader("Connection", "close");
    problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "BODY-TOO-LARGE",
        "the request body is larger than " + maxBytes + " bytes", Map.of());
  }
}
