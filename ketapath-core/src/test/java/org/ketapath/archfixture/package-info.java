/**
 * Deliberately bad (and good) classes that the architecture rules are checked against, imported on
 * their own: every class in {@code bad} must be reported, nothing in {@code good} or {@code data}.
 * Never used by the core.
 */
package org.ketapath.archfixture;
