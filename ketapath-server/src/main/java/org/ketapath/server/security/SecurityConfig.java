package org.ketapath.server.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.Map;
import org.ketapath.server.web.ProblemWriter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Two filter chains. The API ({@code /api/**}): HTTP Basic against local accounts (and bearer
 * tokens when OpenID Connect is enabled), no session created, and a role for every endpoint; a
 * request without an Authorization header may instead ride on the web page's login session, and
 * then every write needs that session's CSRF token ({@link BrowserSessionContexts}). Everything
 * else (the web page, actuator, API docs): form login with CSRF protection. Every refusal is an
 * RFC 9457 problem.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OidcProperties.class)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfig {
  private static final String PHYSICIAN = Role.PAIN_PHYSICIAN.name();
  private static final String NURSE = Role.NURSE.name();
  private static final String PHARMACIST = Role.PHARMACIST.name();
  private static final String RESEARCHER = Role.RESEARCHER.name();
  private static final String ADMIN = Role.ADMIN.name();
  private static final String[] CLINICAL = {PHYSICIAN, NURSE, PHARMACIST};
  private static final String[] BEDSIDE = {PHYSICIAN, NURSE};

  /**
   * No Micrometer observation wrapper around each security filter. Switching the observations off
   * by property only makes them no-ops; the per-filter wrappers still ran on every request and cost
   * more than the no-op request they wrapped. The HTTP server metrics remain.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * Path patterns for the request matchers below, matched against the request path alone, the way
   * Spring MVC matches its mappings, without asking MVC's handler mappings on every request.
   */
  @Bean
  PathPatternRequestMatcherBuilderFactoryBean requestMatcherBuilder() {
    return new PathPatternRequestMatcherBuilderFactoryBean();
  }

  @Bean
  AuthenticationEntryPoint problemEntryPoint(ProblemWriter problems) {
    // The web page's own requests (X-Requested-With) get no Basic challenge, so the browser shows
    // no password dialog; the page sends the user to its login form instead.
    return (request, response, ex) -> problems.write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
        "sign in: HTTP Basic with a KetaPath account",
        "XMLHttpRequest".equals(request.getHeader("X-Requested-With")) ? Map.of()
            : Map.of("WWW-Authenticate", "Basic realm=\"KetaPath\""));
  }

  @Bean
  AccessDeniedHandler problemAccessDenied(ProblemWriter problems) {
    return (request, response, ex) -> {
      if (ex instanceof org.springframework.security.web.csrf.CsrfException) {
        problems.write(request, response, HttpStatus.FORBIDDEN, "CSRF",
            "the page's security token is missing or out of date: reload the page and sign in again", Map.of());
      } else {
        problems.write(request, response, HttpStatus.FORBIDDEN, "ROLE-FORBIDDEN",
            "your role does not allow " + request.getMethod() + " " + request.getRequestURI(), Map.of());
      }
    };
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, LocalAccountAuthenticationProvider accounts, OidcProperties oidc,
      AuthenticationEntryPoint entryPoint, AccessDeniedHandler denied, ProblemWriter problems) throws Exception {
    http.securityMatcher("/api/**")
        .authenticationProvider(accounts)
        .securityContext(c -> c.securityContextRepository(new BrowserSessionContexts()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .csrf(c -> c.csrfTokenRepository(new HttpSessionCsrfTokenRepository())
            .requireCsrfProtectionMatcher(BrowserSessionContexts.CSRF_REQUIRED))
        .requestCache(c -> c.disable())
        // Sign-out is POST /logout on the web chain; under /api/** the logout filter never matches.
        .logout(l -> l.disable())
        .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
        .addFilterAfter(new PasswordChangeGate(problems), AuthorizationFilter.class)
        .authorizeHttpRequests(a -> a
            .requestMatchers("/api/me", "/api/me/password", "/api/ping").authenticated()
            .requestMatchers(GET, "/api/protocols", "/api/protocols/**").authenticated()
            .requestMatchers(POST, "/api/medd").hasAnyRole(CLINICAL)
            .requestMatchers(GET, "/api/medd/tables").hasAnyRole(CLINICAL)
            .requestMatchers(POST, "/api/patients", "/api/patients/*/weights").hasAnyRole(BEDSIDE)
            .requestMatchers(GET, "/api/patients", "/api/patients/**").hasAnyRole(CLINICAL)
            .requestMatchers(GET, "/api/episodes/*/verify").hasAnyRole(PHYSICIAN, NURSE, PHARMACIST, ADMIN)
            .requestMatchers(GET, "/api/episodes", "/api/episodes/**").hasAnyRole(CLINICAL)
            .requestMatchers(POST, "/api/episodes").hasRole(PHYSICIAN)
            .requestMatchers(POST, "/api/episodes/*/screening", "/api/episodes/*/orders", "/api/episodes/*/signature",
                "/api/episodes/*/boluses", "/api/episodes/*/overrides").hasRole(PHYSICIAN)
            .requestMatchers(POST, "/api/episodes/*/verification").hasRole(PHARMACIST)
            .requestMatchers(POST, "/api/episodes/*/start", "/api/episodes/*/assessments", "/api/episodes/*/vital-signs",
                "/api/episodes/*/rescue-doses", "/api/episodes/*/rate-changes", "/api/episodes/*/side-effects",
                "/api/episodes/*/adverse-events", "/api/episodes/*/taper-steps", "/api/episodes/*/stop",
                "/api/episodes/*/weights", "/api/episodes/*/opioids", "/api/episodes/*/medication-orders",
                "/api/episodes/*/session-starts", "/api/episodes/*/session-ends",
                "/api/episodes/*/recommendation/apply").hasAnyRole(BEDSIDE)
            .requestMatchers(GET, "/api/alerts").hasAnyRole(CLINICAL)
            .requestMatchers(POST, "/api/alerts/*/acknowledge").hasAnyRole(BEDSIDE)
            .requestMatchers(GET, "/api/research/**").hasRole(RESEARCHER)
            .requestMatchers(GET, "/api/verify").hasRole(ADMIN)
            .requestMatchers("/api/admin/**").hasRole(ADMIN)
            .requestMatchers(PUT, "/api/**").denyAll()
            // Unmapped paths: authenticated users get 404 from MVC; the role-matrix test checks that
            // every mapped endpoint has a rule above.
            .anyRequest().authenticated());
    if (oidc.enabled()) {
      http.oauth2ResourceServer(o -> o.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied)
          .jwt(j -> j.jwtAuthenticationConverter(new OidcRoles(oidc))));
    }
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain web(HttpSecurity http, LocalAccountAuthenticationProvider accounts,
      AccessDeniedHandler denied) throws Exception {
    http.authenticationProvider(accounts)
        .authorizeHttpRequests(a -> a
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .requestMatchers("/swagger-ui", "/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs", "/v3/api-docs/**")
            .permitAll()
            .requestMatchers("/error", "/login", "/login.html", "/favicon.ico", "/app/**", "/ui/session").permitAll()
            .requestMatchers("/actuator/**").hasRole(ADMIN)
            .anyRequest().authenticated())
        .httpBasic(b -> { })
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).failureUrl("/login?error").permitAll())
        .logout(l -> l.logoutSuccessUrl("/login?logout"))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")))
        .exceptionHandling(e -> e.accessDeniedHandler(denied));
    return http.build();
  }
}
