package org.ketapath.server.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * OpenID Connect for hospitals (off by default). With {@code enabled=true} and
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} set, the API also accepts bearer
 * tokens; roles come from the claim named here (a dotted path such as {@code realm_access.roles}).
 */
@ConfigurationProperties("ketapath.security.oidc")
public record OidcProperties(boolean enabled, String rolesClaim, String usernameClaim) {
  public OidcProperties {
    if (rolesClaim == null || rolesClaim.isBlank()) {
      rolesClaim = "roles";
    }
    if (usernameClaim == null || usernameClaim.isBlank()) {
      usernameClaim = "preferred_username";
    }
  }
}
