package org.ketapath.server.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/** Local accounts: BCrypt password hashes and roles in PostgreSQL. */
@Repository
public class UserStore {
  public record Account(String username, String passwordHash, Set<Role> roles, boolean enabled,
      boolean mustChangePassword, String service) {}

  public record AccountView(String username, Set<Role> roles, boolean enabled, boolean mustChangePassword,
      String service) {}

  private final JdbcClient jdbc;
  private final PasswordEncoder encoder;

  public UserStore(JdbcClient jdbc, PasswordEncoder encoder) {
    this.jdbc = jdbc;
    this.encoder = encoder;
  }

  public Optional<Account> find(String username) {
    return jdbc.sql("select username, password_hash, roles, enabled, must_change_password, service from app_user where username = ?")
        .param(username)
        .query((rs, n) -> new Account(rs.getString(1), rs.getString(2), parseRoles(rs.getString(3)), rs.getBoolean(4),
            rs.getBoolean(5), rs.getString(6)))
        .optional();
  }

  public List<AccountView> list() {
    return jdbc.sql("select username, roles, enabled, must_change_password, service from app_user order by username")
        .query((rs, n) -> new AccountView(rs.getString(1), parseRoles(rs.getString(2)), rs.getBoolean(3), rs.getBoolean(4),
            rs.getString(5)))
        .list();
  }

  public boolean anyAdmin() {
    return jdbc.sql("select count(*) from app_user where enabled and roles like '%ADMIN%'").query(Long.class).single() > 0;
  }

  /** Creates an account; returns false if the name is taken. */
  public boolean create(String username, String rawPassword, Set<Role> roles, boolean mustChange, String by) {
    return create(username, rawPassword, roles, null, mustChange, by);
  }

  public boolean create(String username, String rawPassword, Set<Role> roles, String service, boolean mustChange,
      String by) {
    return jdbc.sql("""
        insert into app_user (username, password_hash, roles, enabled, must_change_password, created_by, service)
        values (?, ?, ?, true, ?, ?, ?) on conflict (username) do nothing""")
        .params(username, encoder.encode(rawPassword), formatRoles(roles), mustChange, by, service).update() == 1;
  }

  public void setPassword(String username, String rawPassword, boolean mustChange) {
    jdbc.sql("update app_user set password_hash = ?, must_change_password = ? where username = ?")
        .params(encoder.encode(rawPassword), mustChange, username).update();
  }

  public boolean setEnabled(String username, boolean enabled) {
    return jdbc.sql("update app_user set enabled = ? where username = ?").params(enabled, username).update() == 1;
  }

  public boolean setRoles(String username, Set<Role> roles) {
    return jdbc.sql("update app_user set roles = ? where username = ?").params(formatRoles(roles), username).update() == 1;
  }

  static Set<Role> parseRoles(String text) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Arrays.stream(text.split(",")).map(Role::parse).flatMap(Optional::stream).forEach(roles::add);
    return roles;
  }

  static String formatRoles(Set<Role> roles) {
    return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
  }
}
