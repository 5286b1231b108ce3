package org.ketapath.core.opioid;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named, versioned opioid conversion table (MEDD-1), loaded and validated by
 * {@link ConversionTables}. Every MEDD result names the table it was computed with ({@link #ref()}).
 *
 * @param id stable identifier, e.g. {@code us-palliative}
 * @param version version of this table's data, e.g. {@code 1.0}
 * @param title human-readable name
 * @param sources citations the factors come from
 * @param ruleIds the rule IDs this table serves (MEDD-1, MEDD-2, MEDD-3)
 * @param scope who the table is for and whom its source excludes
 * @param parenteralMorphineRatio MEDD-2 oral:parenteral morphine; empty when the table has no
 *     parenteral entries (then no parenteral MEDD is given)
 * @param switchWarning the warning shown with every result that MEDD is not a switch dose
 * @param tableWarnings further warnings shown with every result from this table
 * @param uncoveredAdvice what to do when an exposure is not covered by this table
 * @param factors one entry per (drug, route)
 */
public record ConversionTable(
    String id,
    String version,
    String title,
    List<String> sources,
    List<String> ruleIds,
    String scope,
    Optional<ParenteralRatio> parenteralMorphineRatio,
    String switchWarning,
    List<String> tableWarnings,
    Optional<String> uncoveredAdvice,
    List<ConversionFactor> factors) {

  public ConversionTable {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(title, "title");
    sources = List.copyOf(sources);
    ruleIds = List.copyOf(ruleIds);
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(parenteralMorphineRatio, "parenteralMorphineRatio");
    Objects.requireNonNull(switchWarning, "switchWarning");
    tableWarnings = List.copyOf(tableWarnings);
    Objects.requireNonNull(uncoveredAdvice, "uncoveredAdvice");
    factors = List.copyOf(factors);
  }

  /** "us-palliative@1.0": what a result, an episode or an audit record cites. */
  public String ref() {
    return id + "@" + version;
  }

  /** The factor for {@code drug} given by {@code route}, if this table covers it. */
  public Optional<ConversionFactor> factor(Opioid drug, OpioidRoute route) {
    return factors.stream().filter(f -> f.drug() == drug && f.route() == route).findFirst();
  }

  public boolean covers(Opioid drug, OpioidRoute route) {
    return factor(drug, route).isPresent();
  }

  @Override
  public String toString() {
    return ref() + " (" + title + ")";
  }
}
