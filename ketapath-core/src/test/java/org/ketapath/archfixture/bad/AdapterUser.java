package org.ketapath.archfixture.bad;

import org.ketapath.archadapter.AdapterStub;

/** Depends on an adapter of its own project: invariant 8 must reject it. */
public final class AdapterUser {
  public Object adapter() {
    return new AdapterStub();
  }
}
