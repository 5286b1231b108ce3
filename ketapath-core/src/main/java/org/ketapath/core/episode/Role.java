package org.ketapath.core.episode;

/** Who may do what (INST-1, INST-4): the roles that appear in an episode's record. */
public enum Role {
  PAIN_PHYSICIAN,
  PHYSICIAN,
  NURSE,
  PHARMACIST,
  RESEARCHER,
  ADMIN
}
