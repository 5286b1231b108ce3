package org.ketapath.server.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A no-op behind the same security chain as the API: the baseline of the load measurements. */
@RestController
@Tag(name = "System")
public class PingController {
  private static final Map<String, String> PONG = Map.of("status", "ok");

  @GetMapping("/api/ping")
  @Operation(summary = "No-op (authenticated); baseline for load measurements")
  public Map<String, String> ping() {
    return PONG;
  }
}
