package org.ketapath.core.episode;

import java.util.Map;
import java.util.Optional;
import org.ketapath.core.dose.BodyWeight;
import org.ketapath.core.screening.ClinicalFlag;
import org.ketapath.core.screening.NeuropathicCause;

/**
 * The patient facts an episode starts from: weight (DOSE-2), personalised pain goal, documented
 * clinical flags (absent = not documented), neuropathic cause (OUT-1) and pain mechanism (OUTC-1).
 */
public record Patient(
    String id,
    Optional<String> label,
    Optional<BodyWeight> weight,
    Optional<Integer> ppg,
    Map<ClinicalFlag, Boolean> flags,
    Optional<NeuropathicCause> neuropathicCause,
    Optional<PainMechanism> painMechanism) {
  public Patient {
    flags = Map.copyOf(flags);
  }
}
