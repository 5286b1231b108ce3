package org.ketapath.server;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The KetaPath server application (started by {@link Main}). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KetaPathServer {
  /** The only clock of the server; the clinical core receives "now" from it as an argument. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** BCrypt for local account passwords. */
  @Bean
  org.springframework.security.crypto.password.PasswordEncoder passwordEncoder() {
    return new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(10);
  }

  @Bean
  OpenAPI openApi() {
    return new OpenAPI()
        .info(new Info().title("KetaPath API").version("0.1.0")
            .description("Decision support for low-dose ketamine infusions in cancer pain. Episodes are append-only, "
                + "hash-chained event streams; every write names the version it expects and carries an Idempotency-Key. "
                + "Errors are RFC 9457 problems naming the field and the rule."))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
