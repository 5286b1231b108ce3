package org.ketapath.server.security;

import java.security.SecureRandom;
import java.util.EnumSet;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start (no enabled administrator), creates the account {@code admin} with a random
 * one-time password and prints it once to standard output. Only its BCrypt hash is stored, so it
 * cannot be shown again; the account must set a new password before doing anything else.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "ketapath.bootstrap.enabled", havingValue = "true", matchIfMissing = true)
public class AdminBootstrap implements ApplicationRunner {
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private final UserStore users;

  public AdminBootstrap(UserStore users) {
    this.users = users;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (users.anyAdmin()) {
      return;
    }
    SecureRandom random = new SecureRandom();
    StringBuilder pw = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      pw.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    if (users.create("admin", pw.toString(), EnumSet.of(Role.ADMIN), true, "first-start")) {
      System.out.println();
      System.out.println("==================================================================");
      System.out.println(" KetaPath first start: administrator account created");
      System.out.println("   user:               admin");
      System.out.println("   one-time password:  " + pw);
      System.out.println(" It is shown only now. Set a new one: POST /api/me/password");
      System.out.println("==================================================================");
      System.out.println();
    }
  }
}
