package org.ketapath.server.security;

import java.util.EnumSet;
import java.util.Set;
import org.ketapath.server.episode.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The acting user of a request, from Spring Security's authentication. */
public final class Actors {
  /** Authority that carries the user's clinical service, e.g. SERVICE_PAIN_SERVICE. */
  public static final String SERVICE_PREFIX = "SERVICE_";

  private Actors() {}

  public static Actor of(Authentication auth) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    java.util.Optional<String> service = java.util.Optional.empty();
    for (GrantedAuthority a : auth.getAuthorities()) {
      if (a.getAuthority() != null && a.getAuthority().startsWith(SERVICE_PREFIX)) {
        service = java.util.Optional.of(a.getAuthority().substring(SERVICE_PREFIX.length()));
      }
      if (a.getAuthority() != null && a.getAuthority().startsWith("ROLE_")) {
        Role.parse(a.getAuthority()).ifPresent(roles::add);
      }
    }
    return new Actor(auth.getName(), roles, service);
  }
}
