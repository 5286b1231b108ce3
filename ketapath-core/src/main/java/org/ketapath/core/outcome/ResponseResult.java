package org.ketapath.core.outcome;

import java.util.List;
import org.ketapath.core.protocol.ResponseSpec;

/**
 * One response classification (CIVIK-7 published, CIVIK registry variant, OUT-5), computed side by
 * side. {@code provisional} while the infusion is still running.
 */
public record ResponseResult(ResponseSpec.Kind definition, Category category, String explanation,
    List<String> rules, boolean provisional, List<String> localChoices) {

  public enum Category {
    COMPLETE,
    PARTIAL,
    NONE,
    RESPONDER,
    NON_RESPONDER,
    NOT_EVALUABLE;

    /** Counts toward an overall response rate (complete + partial, or responder). */
    public boolean responded() {
      return this == COMPLETE || this == PARTIAL || this == RESPONDER;
    }
  }

  public ResponseResult {
    rules = List.copyOf(rules);
    localChoices = List.copyOf(localChoices);
  }
}
