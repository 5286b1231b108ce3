package org.ketapath.server.episode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checks one episode's hash chain and names the first row that is wrong: an edited row (its
 * content or its link no longer matches its hash), a deleted row (a gap in the sequence, or a
 * head that is ahead of the last row), or reordered rows (a row linked to a row that is not its
 * predecessor). Pure: it gets the rows, it reads nothing.
 */
public final class ChainVerifier {
  public enum Kind { HEADER_EDITED, EDITED, DELETED, REORDERED }

  public record Finding(UUID episodeId, int seq, Kind kind, String message) {}

  public record Result(UUID episodeId, int events, List<Finding> findings) {
    public boolean intact() {
      return findings.isEmpty();
    }
  }

  private ChainVerifier() {}

  /**
   * @param header the episode header as stored
   * @param storedGenesis genesis hash stored with the header
   * @param storedVersion version stored with the header
   * @param storedHead head hash stored with the header
   * @param events the rows ordered by seq
   */
  public static Result verify(EpisodeHeader header, String storedGenesis, int storedVersion, String storedHead,
      List<StoredEvent> events) {
    UUID id = header.id();
    List<Finding> findings = new ArrayList<>();
    if (!header.genesisHash().equals(storedGenesis)) {
      findings.add(new Finding(id, 0, Kind.HEADER_EDITED,
          "episode header (patient, protocol, ward, creation) no longer matches its genesis hash"));
    }
    Map<String, Integer> seqByHash = new HashMap<>();
    for (StoredEvent e : events) {
      seqByHash.put(e.hash(), e.seq());
    }
    String expectedPrev = storedGenesis;
    int expectedSeq = 1;
    int lastSeq = 0;
    String lastHash = storedGenesis;
    for (StoredEvent e : events) {
      boolean linkChecked = true;
      if (e.seq() > expectedSeq) {
        findings.add(new Finding(id, expectedSeq, Kind.DELETED, e.seq() - expectedSeq == 1
            ? "event " + expectedSeq + " is missing (deleted)"
            : "events " + expectedSeq + ".." + (e.seq() - 1) + " are missing (deleted)"));
        linkChecked = false;
      }
      boolean reported = false;
      if (linkChecked && !e.prevHash().equals(expectedPrev)) {
        Integer linkedTo = seqByHash.get(e.prevHash());
        if (linkedTo != null && linkedTo != e.seq() - 1) {
          findings.add(new Finding(id, e.seq(), Kind.REORDERED,
              "event " + e.seq() + " was recorded after the event now at " + linkedTo + " (rows reordered)"));
        } else {
          findings.add(new Finding(id, e.seq(), Kind.EDITED,
              "event " + e.seq() + " does not link to the hash of event " + (e.seq() - 1) + " (edited)"));
        }
        reported = true;
      }
      if (!reported && !e.recomputeHash().equals(e.hash())) {
        findings.add(new Finding(id, e.seq(), Kind.EDITED,
            "event " + e.seq() + " (" + e.type() + ") no longer matches its hash (edited)"));
      }
      expectedPrev = e.hash();
      expectedSeq = e.seq() + 1;
      lastSeq = e.seq();
      lastHash = e.hash();
    }
    if (storedVersion > lastSeq) {
      findings.add(new Finding(id, lastSeq + 1, Kind.DELETED, storedVersion - lastSeq == 1
          ? "event " + storedVersion + " is missing (deleted)"
          : "events " + (lastSeq + 1) + ".." + storedVersion + " are missing (deleted)"));
    } else if (storedVersion < lastSeq) {
      findings.add(new Finding(id, storedVersion + 1, Kind.EDITED,
          "episode version " + storedVersion + " is behind its last event " + lastSeq + " (edited)"));
    } else if (!storedHead.equals(lastHash)) {
      findings.add(new Finding(id, lastSeq, Kind.EDITED, "episode head hash does not match event " + lastSeq + " (edited)"));
    }
    return new Result(id, events.size(), List.copyOf(findings));
  }
}
