package org.ketapath.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.ketapath.server.web.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** An account with a one-time password may only read /api/me and change its password. */
public class PasswordChangeGate extends OncePerRequestFilter {
  public static final String MUST_CHANGE_PASSWORD = "MUST_CHANGE_PASSWORD";

  private final ProblemWriter problems;

  public PasswordChangeGate(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    boolean mustChange = auth != null && auth.getAuthorities().stream()
        .anyMatch(a -> MUST_CHANGE_PASSWORD.equals(a.getAuthority()));
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (mustChange && !path.equals("/api/me") && !path.equals("/api/me/password")) {
      problems.write(request, response, HttpStatus.FORBIDDEN, "PASSWORD-CHANGE-REQUIRED",
          "this account has a one-time password: set a new one with POST /api/me/password first", Map.of());
      return;
    }
    chain.doFilter(request, response);
  }
}
