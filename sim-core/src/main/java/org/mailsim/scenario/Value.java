package org.mailsim.scenario;

import org.mailsim.scenario.yaml.Node;

/**
 * A validated value: its key, the typed value (see {@link ValueType} for the Java type), the node it was read from
 * (null for a default), where it was written, and whether it is the schema default.
 */
public record Value(Key key, Object value, Node node, Location where, boolean isDefault) {
}
