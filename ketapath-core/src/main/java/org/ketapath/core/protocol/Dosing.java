package org.ketapath.core.protocol;

import java.util.Optional;
import org.ketapath.core.dose.BodyWeight;
import org.ketapath.core.dose.DoseRate;
import org.ketapath.core.dose.MgPerHour;
import org.ketapath.core.dose.MgPerKgPerHour;
import org.ketapath.core.dose.MgPerMl;
import org.ketapath.core.dose.PumpRounding;

/** Start rate, caps, bag concentration and pump rounding of a protocol. */
public record Dosing(
    Param<DoseRate> start,
    Param<MgPerKgPerHour> ceiling,
    Optional<Param<MgPerHour>> absoluteMaximum,
    Param<MgPerMl> concentration,
    Param<PumpRounding> pump) {

  /** The protocol maximum for this patient: the lower of the weight-based ceiling and any mg/h maximum. */
  public Cap capFor(BodyWeight weight) {
    MgPerHour byWeight = ceiling.value().times(weight);
    if (absoluteMaximum.isPresent() && absoluteMaximum.get().value().compareTo(byWeight) < 0) {
      Param<MgPerHour> abs = absoluteMaximum.get();
      return new Cap(abs.value(), abs.rules(), abs.value() + ", lower than " + ceiling.value() + " x " + weight + " = "
          + byWeight);
    }
    String why = ceiling.value() + " x " + weight + " = " + byWeight;
    if (absoluteMaximum.isPresent()) {
      why += ", lower than " + absoluteMaximum.get().value();
    }
    return new Cap(byWeight, ceiling.rules(), why);
  }

  /** The effective maximum with the rule IDs that set it and a plain explanation. */
  public record Cap(MgPerHour rate, java.util.List<String> rules, String explanation) {}
}
