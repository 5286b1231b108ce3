package org.ketapath.server.episode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of an episode's event stream, as stored. {@link #canonical()} is what {@link #hash()}
 * commits to, together with {@link #prevHash()}.
 */
public record StoredEvent(UUID episodeId, int seq, String type, Instant occurredAt, Instant recordedAt,
    String recordedBy, String recordedRole, String idempotencyKey, JsonNode payload, String prevHash, String hash) {

  public String canonical() {
    return canonical(episodeId, seq, type, occurredAt, recordedAt, recordedBy, recordedRole, idempotencyKey, payload);
  }

  static String canonical(UUID episodeId, int seq, String type, Instant occurredAt, Instant recordedAt,
      String recordedBy, String recordedRole, String idempotencyKey, JsonNode payload) {
    ObjectNode node = CanonicalJson.object();
    node.put("episodeId", episodeId.toString());
    node.put("seq", seq);
    node.put("type", type);
    node.put("occurredAt", occurredAt.toString());
    node.put("recordedAt", recordedAt.toString());
    node.put("recordedBy", recordedBy);
    node.put("recordedRole", recordedRole);
    node.put("idempotencyKey", idempotencyKey);
    node.set("payload", payload);
    return CanonicalJson.write(node);
  }

  public String recomputeHash() {
    return HashChain.next(prevHash, canonical());
  }
}
