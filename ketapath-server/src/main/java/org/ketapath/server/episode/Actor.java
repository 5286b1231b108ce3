package org.ketapath.server.episode;

import java.util.Optional;
import java.util.Set;
import org.ketapath.server.security.Role;

/** Who is writing: the authenticated user name, the roles they hold and their clinical service. */
public record Actor(String username, Set<Role> roles, Optional<String> service) {
  public boolean has(Role role) {
    return roles.contains(role);
  }
}
