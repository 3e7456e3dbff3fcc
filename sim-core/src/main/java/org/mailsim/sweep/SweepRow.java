package org.mailsim.sweep;

/**
 * A configuration with its result.
 *
 * @param resumed true when the result was read from the sweep state instead of being run now
 */
public record SweepRow(Configuration configuration, SweepPoint point, boolean resumed) {
}
