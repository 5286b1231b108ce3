package org.ketapath.core.episode;

/** OUTC-1: pain mechanism. */
public enum PainMechanism {
  NOCICEPTIVE,
  NEUROPATHIC,
  MIXED
}
