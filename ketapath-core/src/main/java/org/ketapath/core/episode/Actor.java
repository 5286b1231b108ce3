package org.ketapath.core.episode;

import java.util.Objects;
import java.util.Optional;

/** Who recorded or did something: user id, role and clinical service. */
public record Actor(String id, Role role, Optional<String> service) {
  public Actor {
    Objects.requireNonNull(id);
    Objects.requireNonNull(role);
    Objects.requireNonNull(service);
  }

  @Override
  public String toString() {
    return id + " (" + role + service.map(s -> ", " + s).orElse("") + ")";
  }
}
