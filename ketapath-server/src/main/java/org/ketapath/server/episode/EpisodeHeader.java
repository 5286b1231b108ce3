package org.ketapath.server.episode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/** The immutable part of an episode; its canonical JSON seeds the hash chain (genesis). */
public record EpisodeHeader(UUID id, UUID patientId, String protocolId, String protocolVersion, String ward,
    Instant createdAt, String createdBy) {

  public String canonical() {
    ObjectNode node = CanonicalJson.object();
    node.put("id", id.toString());
    node.put("patientId", patientId.toString());
    node.put("protocolId", protocolId);
    node.put("protocolVersion", protocolVersion);
    node.put("ward", ward);
    node.put("createdAt", createdAt.toString());
    node.put("createdBy", createdBy);
    return CanonicalJson.write(node);
  }

  public String genesisHash() {
    return HashChain.genesis(canonical());
  }
}
