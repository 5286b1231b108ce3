package org.ketapath.server.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ketapath.server.episode.Actor;
import org.ketapath.server.security.Actors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The web page's shell: the login page, and the signed-in user with the session's CSRF token and
 * the ward's time zone (the engine's zone, so the page's times match the reasons' times).
 */
@Controller
public class UiController {
  private final String zone;

  public UiController(@Value("${ketapath.time-zone:UTC}") String zone) {
    this.zone = zone;
  }

  @GetMapping("/login")
  public String login() {
    return "forward:/login.html";
  }

  @GetMapping(value = "/ui/session", produces = "application/json")
  @ResponseBody
  public Map<String, Object> session(Authentication auth, CsrfToken csrf) {
    Map<String, Object> out = new LinkedHashMap<>();
    boolean signedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    out.put("signedIn", signedIn);
    out.put("timeZone", zone);
    out.put("csrfHeader", csrf.getHeaderName());
    out.put("csrfParameter", csrf.getParameterName());
    out.put("csrfToken", csrf.getToken());
    if (signedIn) {
      Actor actor = Actors.of(auth);
      out.put("username", actor.username());
      List<String> roles = new ArrayList<>();
      actor.roles().forEach(r -> roles.add(r.name()));
      out.put("roles", roles);
      actor.service().ifPresent(s -> out.put("service", s));
      out.put("mustChangePassword", auth.getAuthorities().stream()
          .anyMatch(a -> "MUST_CHANGE_PASSWORD".equals(a.getAuthority())));
    }
    return out;
  }
}
