package org.ketapath.core.engine;

/** Where an episode stands. */
public enum Phase {
  NOT_STARTED,
  TITRATION,
  COMFORT_HOLD,
  TAPER,
  IN_SESSION,
  BETWEEN_SESSIONS,
  STOPPED
}
