package org.ketapath.core.screening;

/** OUT-1: the cause of cancer-related neuropathic pain. */
public enum NeuropathicCause {
  TUMOR_COMPRESSION,
  CHEMOTHERAPY,
  SURGERY,
  RADIATION,
  OTHER
}
