package org.ketapath.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks local accounts against their BCrypt hashes. BCrypt is deliberately slow (tens of ms), too
 * slow to run on every request of a stateless API, so a successful check is remembered for a short
 * time as an HMAC of the password under a key that exists only in this process's memory. Changing
 * a password, roles or the enabled flag forgets the user at once.
 */
@Component
public class LocalAccountAuthenticationProvider implements AuthenticationProvider {
  private static final Duration REMEMBER = Duration.ofMinutes(5);

  private record Verified(byte[] mac, UserStore.Account account, long until) {}

  private final UserStore users;
  private final PasswordEncoder encoder;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();
  private final SecretKeySpec key;

  public LocalAccountAuthenticationProvider(UserStore users, PasswordEncoder encoder) {
    this.users = users;
    this.encoder = encoder;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String username = authentication.getName();
    String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
    byte[] mac = mac(username, password);
    long now = System.nanoTime();
    Verified cached = verified.get(username);
    UserStore.Account account;
    if (cached != null && cached.until - now > 0 && MessageDigest.isEqual(cached.mac, mac)) {
      account = cached.account;
    } else {
      account = users.find(username).orElse(null);
      if (account == null || !encoder.matches(password, account.passwordHash())) {
        throw new BadCredentialsException("bad credentials");
      }
      if (!account.enabled()) {
        throw new DisabledException("account disabled");
      }
      verified.put(username, new Verified(mac, account, now + REMEMBER.toNanos()));
    }
    List<SimpleGrantedAuthority> authorities = new java.util.ArrayList<>(
        account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    if (account.service() != null) {
      authorities.add(new SimpleGrantedAuthority(Actors.SERVICE_PREFIX + account.service()));
    }
    if (account.mustChangePassword()) {
      authorities.add(new SimpleGrantedAuthority(PasswordChangeGate.MUST_CHANGE_PASSWORD));
    }
    return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
  }

  /** Forget a user's remembered check (password, roles or enabled flag changed). */
  public void forget(String username) {
    verified.remove(username);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** One initialised Mac per thread: looking up the provider on every request is costly. */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  private Mac newMac() {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(key);
      return m;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] mac(String username, String password) {
    Mac m = macs.get();
    m.reset();
    m.update(username.getBytes(StandardCharsets.UTF_8));
    m.update((byte) 0);
    return m.doFinal(password.getBytes(StandardCharsets.UTF_8));
  }
}
