package org.ketapath.archadapter;

/**
 * Test-only stand-in for a type from an adapter module (CLI, server), so that the architecture tests can show their
 * rules reject a class that depends on it. It is not on the core's main classpath.
 */
public final class AdapterStub {
  public AdapterStub() {}
}
