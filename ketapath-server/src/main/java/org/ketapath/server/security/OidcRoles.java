package org.ketapath.server.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Maps a token's role claim (names of {@link Role}, with or without ROLE_) to authorities. */
public final class OidcRoles implements Converter<Jwt, AbstractAuthenticationToken> {
  private final OidcProperties props;

  public OidcRoles(OidcProperties props) {
    this.props = props;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    String name = jwt.getClaimAsString(props.usernameClaim());
    return new JwtAuthenticationToken(jwt, authorities(jwt.getClaims()), name == null ? jwt.getSubject() : name);
  }

  Collection<GrantedAuthority> authorities(Map<String, Object> claims) {
    Object node = claims;
    for (String part : props.rolesClaim().split("\\.")) {
      node = node instanceof Map<?, ?> m ? m.get(part) : null;
    }
    List<String> names = new ArrayList<>();
    if (node instanceof Collection<?> c) {
      c.forEach(o -> names.add(String.valueOf(o)));
    } else if (node instanceof String s) {
      names.addAll(List.of(s.split("[ ,]+")));
    }
    List<GrantedAuthority> out = new ArrayList<>();
    for (String n : names) {
      Role.parse(n).ifPresent(r -> out.add(new SimpleGrantedAuthority(r.authority())));
    }
    return out;
  }
}
