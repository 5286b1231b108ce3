package org.ketapath.core.screening;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** A screening condition, evaluated to true, false or unknown (not documented) with an explanation. */
public sealed interface Condition {
  record All(List<Condition> parts) implements Condition {}

  record Any(List<Condition> parts) implements Condition {}

  record Flag(ClinicalFlag flag) implements Condition {}

  record IvMeddAtLeast(BigDecimal mgPerDay) implements Condition {}

  record OralMeddAtLeast(BigDecimal mgPerDay) implements Condition {}

  record Rescues24hAtLeast(int count) implements Condition {}

  record NrsAbovePpg() implements Condition {}

  record NeuropathicCauseIn(Set<NeuropathicCause> causes) implements Condition {}

  record OrderedBySpecialistService() implements Condition {}
}
