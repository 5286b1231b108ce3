package org.ketapath.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class OidcRolesTest {
  @Test
  void readsRolesFromANestedClaimAndIgnoresUnknownOnes() {
    OidcRoles roles = new OidcRoles(new OidcProperties(true, "realm_access.roles", null));
    var authorities = roles.authorities(Map.of("realm_access", Map.of("roles", List.of("NURSE", "ROLE_PHARMACIST", "offline_access"))));
    assertThat(authorities).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_NURSE", "ROLE_PHARMACIST");
  }

  @Test
  void readsASpaceSeparatedStringClaim() {
    OidcRoles roles = new OidcRoles(new OidcProperties(true, "roles", null));
    assertThat(roles.authorities(Map.of("roles", "pain_physician admin")))
        .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_PAIN_PHYSICIAN", "ROLE_ADMIN");
  }

  @Test
  void noClaimMeansNoRole() {
    assertThat(new OidcRoles(new OidcProperties(true, null, null)).authorities(Map.of())).isEmpty();
  }
}
