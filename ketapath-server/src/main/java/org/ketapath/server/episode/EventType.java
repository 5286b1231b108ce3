package org.ketapath.server.episode;

import java.util.Arrays;
import java.util.Optional;

/** What can be appended to an episode's event stream. */
public enum EventType {
  SCREENED,
  ORDERED,
  SIGNED,
  PHARMACIST_VERIFIED,
  STARTED,
  ASSESSMENT,
  VITAL_SIGNS,
  RESCUE_DOSE,
  RATE_CHANGE,
  BOLUS,
  SIDE_EFFECT,
  ADVERSE_EVENT,
  OVERRIDE,
  TAPER_STEP,
  STOPPED,
  OUTCOME;

  public static Optional<EventType> parse(String name) {
    return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
  }
}
