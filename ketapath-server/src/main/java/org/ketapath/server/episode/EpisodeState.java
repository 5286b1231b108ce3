package org.ketapath.server.episode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The current state of an episode, derived from its events only (nothing is stored in place).
 *
 * @param status NEW, SCREENED, ORDERED, SIGNED, VERIFIED, RUNNING, STOPPED or CLOSED
 */
public record EpisodeState(
    UUID episodeId,
    UUID patientId,
    String protocolId,
    String protocolVersion,
    String ward,
    int version,
    String status,
    BigDecimal weightKg,
    Quantity concentration,
    Quantity orderedStartRate,
    Quantity orderedMaxRate,
    Quantity currentRate,
    Instant startedAt,
    Instant lastRateChangeAt,
    Instant lastAssessmentAt,
    Integer lastNrs,
    Integer painGoal,
    int rescueDoses,
    int overrides,
    Instant stoppedAt,
    String outcome,
    List<String> warnings) {}
