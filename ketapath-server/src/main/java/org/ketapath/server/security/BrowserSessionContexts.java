package org.ketapath.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * How the API sees the web page's login. A request that carries an {@code Authorization} header is
 * authenticated by that header alone (HTTP Basic or a bearer token), exactly as before: no session
 * is read or created. A request without one may use the session of a form login, read-only, and
 * then every unsafe method needs the session's CSRF token ({@link #CSRF_REQUIRED}).
 */
final class BrowserSessionContexts implements SecurityContextRepository {
  /** Unsafe methods that ride on a valid session cookie rather than an Authorization header. */
  static final RequestMatcher CSRF_REQUIRED = request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
      && usesSession(request);

  private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

  BrowserSessionContexts() {
    sessions.setAllowSessionCreation(false);
  }

  static boolean usesSession(HttpServletRequest request) {
    return request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getRequestedSessionId() != null
        && request.isRequestedSessionIdValid();
  }

  @Override
  public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
    if (usesSession(request)) {
      return sessions.loadDeferredContext(request);
    }
    return new DeferredSecurityContext() {
      private SecurityContext context;

      @Override
      public SecurityContext get() {
        if (context == null) {
          context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        }
        return context;
      }

      @Override
      public boolean isGenerated() {
        return true;
      }
    };
  }

  @Override
  @SuppressWarnings("deprecation")
  public SecurityContext loadContext(HttpRequestResponseHolder holder) {
    return loadDeferredContext(holder.getRequest()).get();
  }

  @Override
  public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
    // Never written: API requests do not create or change sessions.
  }

  @Override
  public boolean containsContext(HttpServletRequest request) {
    return usesSession(request) && sessions.containsContext(request);
  }
}
