package org.ketapath.server.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.ketapath.server.web.CachedBodyRequest;
import org.ketapath.server.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes every API write with an {@code Idempotency-Key} header exactly-once. The whole request
 * runs in one database transaction that first claims (user, key): a concurrent duplicate waits on
 * that claim, then replays. A 2xx response is stored with the writes and sent only after they
 * commit; any other response rolls everything back, so a retry is evaluated afresh. Reusing a key
 * for a different request is refused.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {
  private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);
  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotent-Replayed";

  private record Stored(String requestHash, int status, String contentType, byte[] body, String location, String etag) {}

  private final JdbcClient jdbc;
  private final PlatformTransactionManager transactions;
  private final ProblemWriter problems;

  public IdempotencyFilter(JdbcClient jdbc, PlatformTransactionManager transactions, ProblemWriter problems) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
        || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    String key = request.getHeader(HEADER);
    if (auth == null || !auth.isAuthenticated() || key.length() > 128 || key.isBlank()) {
      chain.doFilter(request, response);
      return;
    }
    CachedBodyRequest cached = org.springframework.web.util.WebUtils.getNativeRequest(request, CachedBodyRequest.class);
    if (cached == null) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = cached.body();
    String requestHash = hash(request.getMethod() + " " + request.getRequestURI() + "\n", body);
    String principal = auth.getName();

    TransactionStatus tx = transactions.getTransaction(new DefaultTransactionDefinition());
    boolean committed = false;
    try {
      int claimed = jdbc.sql("""
          insert into idempotency_record (principal, idem_key, request_hash) values (?, ?, ?)
          on conflict (principal, idem_key) do nothing""").params(principal, key, requestHash).update();
      if (claimed == 0) {
        Optional<Stored> first = jdbc.sql("""
            select request_hash, status, content_type, body, location, etag from idempotency_record
            where principal = ? and idem_key = ?""").params(principal, key)
            .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBytes(4), rs.getString(5),
                rs.getString(6)))
            .optional();
        transactions.commit(tx);
        committed = true;
        if (first.isEmpty()) {
          problems.write(request, response, HttpStatus.CONFLICT, "IDEMPOTENCY-IN-FLIGHT",
              "a request with this Idempotency-Key is still being processed; retry", Map.of("Retry-After", "1"));
        } else if (!first.get().requestHash().equals(requestHash)) {
          problems.write(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY-KEY-REUSED",
              "this Idempotency-Key was already used for a different request; use a new key for a new write", Map.of());
        } else {
          replay(first.get(), response);
        }
        return;
      }
      ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, wrapper);
      int status = wrapper.getStatus();
      if (status >= 200 && status < 300) {
        jdbc.sql("""
            update idempotency_record set status = ?, content_type = ?, body = ?, location = ?, etag = ?
            where principal = ? and idem_key = ?""")
            .params(status, wrapper.getContentType(), wrapper.getContentAsByteArray(), wrapper.getHeader("Location"),
                wrapper.getHeader("ETag"), principal, key)
            .update();
        transactions.commit(tx);
      } else {
        transactions.rollback(tx);
      }
      committed = true;
      wrapper.copyBodyToResponse();
    } catch (RuntimeException | ServletException | IOException e) {
      if (!committed) {
        try {
          transactions.rollback(tx);
        } catch (RuntimeException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        }
      }
      if (e instanceof org.springframework.dao.TransientDataAccessException
          || e instanceof org.springframework.transaction.TransactionException) {
        LOG.warn("write not committed: {}", e.toString());
        problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "NOT-COMMITTED",
            "the write was not recorded (database unavailable); retry with the same Idempotency-Key", Map.of("Retry-After", "1"));
        return;
      }
      throw e;
    }
  }

  private static void replay(Stored first, HttpServletResponse response) throws IOException {
    response.setStatus(first.status());
    response.setHeader(REPLAYED, "true");
    if (first.location() != null) {
      response.setHeader("Location", first.location());
    }
    if (first.etag() != null) {
      response.setHeader("ETag", first.etag());
    }
    if (first.contentType() != null) {
      response.setContentType(first.contentType());
    }
    if (first.body() != null) {
      response.setContentLength(first.body().length);
      response.getOutputStream().write(first.body());
    }
  }

  private static String hash(String head, byte[] body) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(head.getBytes(StandardCharsets.UTF_8));
      d.update(body);
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
