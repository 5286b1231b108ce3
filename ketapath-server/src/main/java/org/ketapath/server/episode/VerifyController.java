package org.ketapath.server.episode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Hash-chain verification: names the first edited, deleted or reordered row. */
@RestController
@Tag(name = "Verification")
public class VerifyController {
  private final ChainVerification verification;

  public VerifyController(ChainVerification verification) {
    this.verification = verification;
  }

  @GetMapping("/api/verify")
  @Operation(summary = "Verify every episode's hash chain (ADMIN)")
  public ChainVerification.Report all() {
    return verification.verifyAll();
  }

  @GetMapping("/api/episodes/{id}/verify")
  @Operation(summary = "Verify one episode's hash chain")
  public ChainVerifier.Result one(@PathVariable UUID id) {
    return verification.verify(id);
  }
}
