package org.ketapath.server.episode;

import java.util.Set;
import org.ketapath.server.security.Role;

/** Who is writing: the authenticated user name and the roles they hold. */
public record Actor(String username, Set<Role> roles) {
  public boolean has(Role role) {
    return roles.contains(role);
  }
}
