package org.ketapath.server.episode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {
  private final EpisodeHeader header = new EpisodeHeader(UUID.fromString("00000000-0000-0000-0000-000000000001"),
      UUID.fromString("00000000-0000-0000-0000-000000000002"), "CIVIK", "1.0.0", "4B",
      Instant.parse("2025-01-01T08:00:00Z"), "physician");

  private List<StoredEvent> chain(int n) {
    List<StoredEvent> out = new ArrayList<>();
    String prev = header.genesisHash();
    for (int seq = 1; seq <= n; seq++) {
      ObjectNode p = CanonicalJson.object();
      p.put("nrs", seq % 11);
      p.put("note", "zé " + seq);
      Instant t = Instant.parse("2025-01-01T09:00:00Z").plusSeconds(seq * 60L);
      StoredEvent draft = new StoredEvent(header.id(), seq, "ASSESSMENT", t, t, "nurse", "NURSE", "key-" + seq, p, prev, null);
      String hash = HashChain.next(prev, draft.canonical());
      out.add(new StoredEvent(header.id(), seq, "ASSESSMENT", t, t, "nurse", "NURSE", "key-" + seq, p, prev, hash));
      prev = hash;
    }
    return out;
  }

  private ChainVerifier.Result verify(List<StoredEvent> events, int version) {
    String head = events.isEmpty() ? header.genesisHash() : events.get(events.size() - 1).hash();
    return ChainVerifier.verify(header, header.genesisHash(), version, head, events);
  }

  @Test
  void intactChainVerifies() {
    assertThat(verify(chain(5), 5).intact()).isTrue();
  }

  @Test
  void editedPayloadIsNamed() {
    List<StoredEvent> events = chain(5);
    StoredEvent e = events.get(2);
    ObjectNode p = e.payload().deepCopy();
    p.put("nrs", 2);
    events.set(2, new StoredEvent(e.episodeId(), e.seq(), e.type(), e.occurredAt(), e.recordedAt(), e.recordedBy(),
        e.recordedRole(), e.idempotencyKey(), p, e.prevHash(), e.hash()));
    ChainVerifier.Result r = verify(events, 5);
    assertThat(r.findings()).hasSize(1);
    assertThat(r.findings().get(0).seq()).isEqualTo(3);
    assertThat(r.findings().get(0).kind()).isEqualTo(ChainVerifier.Kind.EDITED);
  }

  @Test
  void deletedMiddleRowIsNamedAsGap() {
    List<StoredEvent> events = chain(5);
    events.remove(1);
    ChainVerifier.Result r = verify(events, 5);
    assertThat(r.findings().get(0).kind()).isEqualTo(ChainVerifier.Kind.DELETED);
    assertThat(r.findings().get(0).seq()).isEqualTo(2);
  }

  @Test
  void deletedLastRowIsNamedFromTheHeadVersion() {
    List<StoredEvent> events = chain(5);
    String head = events.get(4).hash();
    events.remove(4);
    ChainVerifier.Result r = ChainVerifier.verify(header, header.genesisHash(), 5, head, events);
    assertThat(r.findings()).extracting(ChainVerifier.Finding::kind).containsExactly(ChainVerifier.Kind.DELETED);
    assertThat(r.findings().get(0).seq()).isEqualTo(5);
  }

  @Test
  void swappedRowsAreNamedAsReordered() {
    List<StoredEvent> events = chain(5);
    StoredEvent third = events.get(2);
    StoredEvent fourth = events.get(3);
    events.set(2, withSeq(fourth, 3));
    events.set(3, withSeq(third, 4));
    ChainVerifier.Result r = verify(events, 5);
    assertThat(r.findings().get(0).kind()).isEqualTo(ChainVerifier.Kind.REORDERED);
    assertThat(r.findings().get(0).seq()).isEqualTo(3);
  }

  @Test
  void editedHeaderIsNamed() {
    List<StoredEvent> events = chain(2);
    EpisodeHeader edited = new EpisodeHeader(header.id(), header.patientId(), "PAIN-CRISIS", "1.0.0", "4B",
        header.createdAt(), header.createdBy());
    ChainVerifier.Result r = ChainVerifier.verify(edited, header.genesisHash(), 2, events.get(1).hash(), events);
    assertThat(r.findings()).extracting(ChainVerifier.Finding::kind).containsExactly(ChainVerifier.Kind.HEADER_EDITED);
  }

  private static StoredEvent withSeq(StoredEvent e, int seq) {
    return new StoredEvent(e.episodeId(), seq, e.type(), e.occurredAt(), e.recordedAt(), e.recordedBy(), e.recordedRole(),
        e.idempotencyKey(), e.payload(), e.prevHash(), e.hash());
  }
}
