package org.ketapath.server.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ketapath.server.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user ({@code /api/me}) and user administration ({@code /api/admin/users}, ADMIN). */
@RestController
@Tag(name = "Accounts")
public class AccountController {
  public record Me(String username, List<String> authorities) {}

  public record PasswordChange(@NotBlank @Size(min = 12, max = 200, message = "[SEC] a password has 12-200 characters") String newPassword) {}

  public record NewUser(
      @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}", message = "[SEC] username is 2-64 of a-z 0-9 . _ -") String username,
      @NotBlank @Size(min = 12, max = 200, message = "[SEC] a password has 12-200 characters") String initialPassword,
      @NotEmpty(message = "[SEC] at least one role") Set<Role> roles,
      @Pattern(regexp = "[A-Z][A-Z_]{1,63}", message = "[INST-1] service is an upper-case name, e.g. PAIN_SERVICE") String service) {}

  public record Roles(@NotEmpty(message = "[SEC] at least one role") Set<Role> roles) {}

  public record Enabled(boolean enabled) {}

  private final UserStore users;
  private final LocalAccountAuthenticationProvider accounts;

  public AccountController(UserStore users, LocalAccountAuthenticationProvider accounts) {
    this.users = users;
    this.accounts = accounts;
  }

  @GetMapping("/api/me")
  public Me me(Authentication auth) {
    return new Me(auth.getName(), auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
  }

  @PostMapping("/api/me/password")
  @Transactional
  @Operation(summary = "Change your own password (required after a one-time password)")
  public Map<String, String> changePassword(@Valid @RequestBody PasswordChange body, Authentication auth) {
    if (users.find(auth.getName()).isEmpty()) {
      throw new ApiProblem(HttpStatus.CONFLICT, "NOT-LOCAL", null, List.of(),
          "this account is managed by the hospital's identity provider");
    }
    users.setPassword(auth.getName(), body.newPassword(), false);
    accounts.forget(auth.getName());
    return Map.of("status", "password changed");
  }

  @GetMapping("/api/admin/users")
  public List<UserStore.AccountView> list() {
    return users.list();
  }

  @PostMapping("/api/admin/users")
  @Transactional
  @Operation(summary = "Create a local account; the user must change the initial password at first sign-in")
  public ResponseEntity<UserStore.AccountView> create(@Valid @RequestBody NewUser body, Authentication auth) {
    if (!users.create(body.username(), body.initialPassword(), body.roles(), body.service(), true, auth.getName())) {
      throw new ApiProblem(HttpStatus.CONFLICT, "USER-EXISTS", "username", List.of(), "user " + body.username() + " exists");
    }
    return ResponseEntity.created(URI.create("/api/admin/users/" + body.username()))
        .body(new UserStore.AccountView(body.username(), body.roles(), true, true, body.service()));
  }

  @PostMapping("/api/admin/users/{username}/roles")
  @Transactional
  public UserStore.AccountView setRoles(@PathVariable String username, @Valid @RequestBody Roles body) {
    if (!users.setRoles(username, body.roles())) {
      throw ApiProblem.notFound("user", username);
    }
    accounts.forget(username);
    return users.list().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
  }

  @PostMapping("/api/admin/users/{username}/enabled")
  @Transactional
  public UserStore.AccountView setEnabled(@PathVariable String username, @RequestBody Enabled body) {
    if (!users.setEnabled(username, body.enabled())) {
      throw ApiProblem.notFound("user", username);
    }
    accounts.forget(username);
    return users.list().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
  }
}
