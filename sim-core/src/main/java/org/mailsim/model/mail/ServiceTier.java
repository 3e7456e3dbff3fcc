package org.mailsim.model.mail;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.mailsim.engine.Event;
import org.mailsim.engine.Simulator;

/**
 * A service tier's server failures and failovers on the event kernel (see {@link TierConfig}). Each slot
 * alternates between serving (for a draw of the time between failures) and failing over (for a draw of the
 * failover time); the listener hears the number of failed slots whenever it changes. Two events per slot, made
 * once; the event loop allocates nothing.
 */
public final class ServiceTier {
    /** Told the number of slots failing over, at the time it changed. */
    @FunctionalInterface
    public interface Listener {
        void failedSlotsChanged(int failedSlots, double t);
    }

    private final TierConfig config;
    private final Simulator simulator;
    private final Listener listener;
    private final ContinuousSampler timeToFailure;
    private final ContinuousSampler failover;
    private final Event[] failureEvents;
    private final Event[] restoreEvents;
    private int failedSlots;
    private long failures;
    private double downSlotHours;
    private double lastChange;

    public ServiceTier(TierConfig config, Simulator simulator, UniformRandomProvider rng, Listener listener) {
        this.config = config;
        this.simulator = simulator;
        this.listener = listener;
        this.timeToFailure = config.failsAtRandom() ? config.timeBetweenFailures().sampler(rng) : null;
        this.failover = config.failoverTime().sampler(rng);
        int n = config.activeServers();
        failureEvents = new Event[n];
        restoreEvents = new Event[n];
        for (int i = 0; i < n; i++) {
            int slot = i;
            failureEvents[i] = () -> fail(slot);
            restoreEvents[i] = () -> restore(slot);
        }
    }

    /** Schedules every slot's first failure from now. */
    public void start() {
        lastChange = simulator.now();
        if (timeToFailure == null) {
            return;
        }
        for (Event e : failureEvents) {
            simulator.schedule(timeToFailure.sample(), e);
        }
    }

    private void fail(int slot) {
        account();
        failedSlots++;
        failures++;
        listener.failedSlotsChanged(failedSlots, simulator.now());
        simulator.schedule(failover.sample(), restoreEvents[slot]);
    }

    private void restore(int slot) {
        account();
        failedSlots--;
        listener.failedSlotsChanged(failedSlots, simulator.now());
        simulator.schedule(timeToFailure.sample(), failureEvents[slot]);
    }

    private void account() {
        double now = simulator.now();
        downSlotHours += failedSlots * (now - lastChange);
        lastChange = now;
    }

    public TierConfig config() {
        return config;
    }

    public int failedSlots() {
        return failedSlots;
    }

    /** Server failures so far. */
    public long failures() {
        return failures;
    }

    /** Slot-hours spent failing over up to the current time. */
    public double downSlotHours() {
        return downSlotHours + failedSlots * (simulator.now() - lastChange);
    }
}
