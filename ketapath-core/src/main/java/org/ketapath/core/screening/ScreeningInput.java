package org.ketapath.core.screening;

import java.util.Map;
import java.util.Optional;
import org.ketapath.core.opioid.MeddResult;

/** What screening looks at: documented flags, MEDD over the last 24 h, rescues, pain, and the orderer. */
public record ScreeningInput(
    Map<ClinicalFlag, Boolean> flags,
    Optional<MeddResult> medd,
    Optional<String> meddProblem,
    int rescues24h,
    Optional<Integer> latestNrs,
    Optional<Integer> ppg,
    Optional<NeuropathicCause> neuropathicCause,
    Optional<String> ordererService,
    java.util.List<String> specialistServices) {}
