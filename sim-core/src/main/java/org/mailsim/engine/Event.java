package org.mailsim.engine;

/**
 * Something that happens at a point of simulated time. Model code keeps one instance per recurring kind of
 * event (a disk's failure, an array's rebuild) and schedules it again and again, so the event loop allocates
 * nothing.
 */
@FunctionalInterface
public interface Event {
    void fire();
}
