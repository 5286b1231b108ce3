package org.ketapath.server.episode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ketapath.server.web.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Reads rows straight from the database (never from the cache) and verifies each chain. */
@Service
public class ChainVerification {
  public record Report(int episodes, int events, boolean intact, List<ChainVerifier.Finding> findings) {}

  private final EventStore store;

  public ChainVerification(EventStore store) {
    this.store = store;
  }

  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public ChainVerifier.Result verify(UUID episodeId) {
    EventStore.HeaderRow h = store.header(episodeId).orElseThrow(() -> ApiProblem.notFound("episode", episodeId));
    return ChainVerifier.verify(h.header(), h.genesisHash(), h.version(), h.headHash(), store.eventsFromDatabase(episodeId));
  }

  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Report verifyAll() {
    int episodes = 0;
    int events = 0;
    List<ChainVerifier.Finding> findings = new ArrayList<>();
    for (UUID id : store.episodeIds()) {
      ChainVerifier.Result r = verify(id);
      episodes++;
      events += r.events();
      findings.addAll(r.findings());
    }
    return new Report(episodes, events, findings.isEmpty(), List.copyOf(findings));
  }
}
