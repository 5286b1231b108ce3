package org.ketapath.core.protocol;

/** Where a protocol is given. */
public enum Setting {
  INPATIENT,
  OUTPATIENT
}
