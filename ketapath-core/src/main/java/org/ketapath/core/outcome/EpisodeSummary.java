package org.ketapath.core.outcome;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ketapath.core.dose.MgPerHour;
import org.ketapath.core.episode.PainMechanism;
import org.ketapath.core.episode.SideEffect;
import org.ketapath.core.opioid.MorphineEquivalent;

/**
 * OUTC-1: what an episode contributes to outcome reporting: baseline MEDD, rescues, PPG, pain
 * mechanism, NRS over time, every rate change with who and why, adverse events with category,
 * grade and resolution, and the responses computed side by side.
 */
public record EpisodeSummary(
    String patientId,
    String protocolRef,
    Optional<PainMechanism> painMechanism,
    Optional<MorphineEquivalent> baselineOralMedd,
    Optional<MorphineEquivalent> baselineParenteralMedd,
    int baselineRescues24h,
    Optional<Integer> ppg,
    List<NrsPoint> nrs,
    List<RateChangeNote> rateChanges,
    List<AdverseNote> adverseEvents,
    int infusions,
    Optional<Instant> started,
    Optional<Instant> stopped,
    List<ResponseResult> responses) {

  public record NrsPoint(Instant at, int nrs) {}

  public record RateChangeNote(Instant at, MgPerHour rate, String by, String why) {}

  public record AdverseNote(Instant at, String term, SideEffect.Category category, Optional<Integer> ctcaeGrade,
      Optional<String> resolution) {}

  public EpisodeSummary {
    nrs = List.copyOf(nrs);
    rateChanges = List.copyOf(rateChanges);
    adverseEvents = List.copyOf(adverseEvents);
    responses = List.copyOf(responses);
  }
}
