package org.ketapath.core.protocol;

import java.util.List;
import java.util.Optional;
import org.ketapath.core.dose.WeightPolicy;
import org.ketapath.core.screening.Criterion;

/**
 * One version of a ketamine protocol, loaded from a validated data file. Every episode records
 * the {@link #ref()} it ran under.
 */
public record Protocol(
    String id,
    String version,
    String title,
    String summary,
    Setting setting,
    String route,
    String sourceId,
    String citation,
    List<String> rules,
    Param<List<String>> orderingServices,
    Param<String> meddTable,
    Optional<Param<Boolean>> suspendOtherDepressants,
    Param<WeightPolicy> weight,
    Dosing dosing,
    TitrationPlan titration,
    Optional<Course> course,
    Monitoring monitoring,
    Param<Integer> stopAtCtcaeGrade,
    List<ResponseSpec> responses,
    List<Criterion> screening,
    Param<List<String>> afterCare,
    List<Param<?>> allParams) {

  /** "CIVIK@1.0.0". */
  public String ref() {
    return id + "@" + version;
  }

  /** Every local choice (assumption) the protocol makes, for display beside its outputs. */
  public List<Param<?>> localChoices() {
    return allParams.stream().filter(Param::isLocalChoice).toList();
  }
}
