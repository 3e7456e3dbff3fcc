package org.mailsim.engine;

/**
 * A kind of event that happens to one of many like components (a disk's failure, an array's rebuild), scheduled
 * with the component's index: a model keeps one instance per kind, not one per component, and its components'
 * state can live in primitive arrays.
 */
@FunctionalInterface
public interface IndexedEvent {
    void fire(int index);
}
