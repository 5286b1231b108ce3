package org.ketapath.server.security;

import java.util.EnumSet;
import java.util.Set;
import org.ketapath.server.episode.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The acting user of a request, from Spring Security's authentication. */
public final class Actors {
  private Actors() {}

  public static Actor of(Authentication auth) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (GrantedAuthority a : auth.getAuthorities()) {
      if (a.getAuthority() != null && a.getAuthority().startsWith("ROLE_")) {
        Role.parse(a.getAuthority()).ifPresent(roles::add);
      }
    }
    return new Actor(auth.getName(), roles);
  }
}
