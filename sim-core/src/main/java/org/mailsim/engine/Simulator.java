package org.mailsim.engine;

/**
 * The discrete-event kernel: a clock and a future-event list. It knows nothing of disks or mail.
 *
 * <p>Time is in hours. Model code schedules {@link Event}s at an absolute time or after a delay and gets back a
 * handle for {@link #cancel} and {@link #reschedule}. {@link #run} fires events in (time, insertion) order until
 * the horizon, until an event calls {@link #stop}, or until the queue empties. An {@link IndexedEvent} is
 * scheduled with the index of the component it fires for (a disk, an array), so a model with a million disks keeps
 * one object per kind of event rather than one per disk. Not thread-safe: one simulator per replication at a time
 * ({@link #reset} readies it for the next).
 *
 * <p>A {@link Checkpoint} ({@link #setCheckpoint}) is told how far a long run has got every
 * {@value #CHECKPOINT_EVERY} events, for a progress display: the run then fires its events in chunks of that many
 * (the loop's own event limit ends a chunk), so following progress costs nothing per event and changes nothing in
 * what fires when.
 */
public final class Simulator {
    /** Default cap on events per run, far beyond any sane replication, low enough to stop a runaway in seconds. */
    public static final long DEFAULT_EVENT_BUDGET = 2_000_000_000L;

    /** Events between two calls of the {@link Checkpoint}: some milliseconds of a busy run. */
    public static final int CHECKPOINT_EVERY = 1 << 16;

    /** Told how far a run has got; called on the thread running the simulator, between two events. */
    @FunctionalInterface
    public interface Checkpoint {
        /**
         * @param now         the simulated time reached, in hours
         * @param eventsFired events fired so far in this run
         */
        void reached(double now, long eventsFired);
    }

    private final EventQueue<Object> queue; // items are Events or IndexedEvents
    private double now;
    private boolean stopRequested;
    private long eventsFired;
    private long eventBudget = DEFAULT_EVENT_BUDGET;
    private Checkpoint checkpoint;

    public Simulator() {
        this(64);
    }

    public Simulator(int expectedPendingEvents) {
        queue = new EventQueue<>(expectedPendingEvents);
    }

    /**
     * Back to time zero with no events, no stop request, no events fired, the default budget and no checkpoint,
     * keeping the grown event list, so one simulator serves replication after replication on a thread. Handles from
     * before go stale.
     */
    public void reset() {
        queue.clear();
        now = 0;
        stopRequested = false;
        eventsFired = 0;
        eventBudget = DEFAULT_EVENT_BUDGET;
        checkpoint = null;
    }

    /** The current simulated time in hours. */
    public double now() {
        return now;
    }

    public long eventsFired() {
        return eventsFired;
    }

    public int pendingEvents() {
        return queue.size();
    }

    public void setEventBudget(long budget) {
        if (budget <= 0) {
            throw new IllegalArgumentException("event budget must be positive, got " + budget);
        }
        this.eventBudget = budget;
    }

    /** Tells {@code checkpoint} how far runs get, every {@value #CHECKPOINT_EVERY} events; null for none. */
    public void setCheckpoint(Checkpoint checkpoint) {
        this.checkpoint = checkpoint;
    }

    /** Schedules {@code event} after {@code delay} hours (zero allowed: it fires after events already due now). */
    public long schedule(double delay, Event event) {
        if (!(delay >= 0)) {
            throw new IllegalArgumentException("delay must be a non-negative number of hours, got " + delay);
        }
        return scheduleAt(now + delay, event);
    }

    /** Schedules {@code event} at absolute time {@code time} (not before now). */
    public long scheduleAt(double time, Event event) {
        if (!(time >= now)) {
            throw new IllegalArgumentException("cannot schedule at " + time + " h: it is already " + now + " h");
        }
        return queue.insert(time, event);
    }

    /** Schedules {@code event} to fire for component {@code index} after {@code delay} hours. */
    public long schedule(double delay, IndexedEvent event, int index) {
        if (!(delay >= 0)) {
            throw new IllegalArgumentException("delay must be a non-negative number of hours, got " + delay);
        }
        return scheduleAt(now + delay, event, index);
    }

    /** Schedules {@code event} to fire for component {@code index} at absolute time {@code time} (not before now). */
    public long scheduleAt(double time, IndexedEvent event, int index) {
        if (!(time >= now)) {
            throw new IllegalArgumentException("cannot schedule at " + time + " h: it is already " + now + " h");
        }
        return queue.insert(time, event, index);
    }

    /** Cancels a scheduled event; returns false when it already fired or was cancelled. */
    public boolean cancel(long handle) {
        return queue.cancel(handle);
    }

    /**
     * Moves a scheduled event to absolute time {@code time} and returns its new handle (the old one goes stale);
     * returns -1 when the event already fired or was cancelled.
     */
    public long reschedule(long handle, double time) {
        if (!(time >= now)) {
            throw new IllegalArgumentException("cannot reschedule to " + time + " h: it is already " + now + " h");
        }
        return queue.reschedule(handle, time);
    }

    /** True while the event named by {@code handle} waits to fire. */
    public boolean isScheduled(long handle) {
        return queue.contains(handle);
    }

    /** Asks the run to end after the event being fired. */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Fires events due up to and including {@code horizon} hours. On return the clock stands at the horizon
     * (or at the time of the stopping event) and later events stay queued, so a run can be continued.
     *
     * @throws EventBudgetExceededException when the run reaches its event budget
     */
    public RunOutcome run(double horizon) {
        RunOutcome outcome = advance(horizon, eventBudget);
        if (outcome == RunOutcome.LIMIT) {
            throw new EventBudgetExceededException(eventBudget, now);
        }
        return outcome;
    }

    /**
     * Fires at most {@code count} more events, whatever their time (the event budget still applies). Returns
     * {@link RunOutcome#LIMIT} when all {@code count} fired.
     */
    public RunOutcome step(long count) {
        long limit = Math.min(eventBudget, eventsFired + count);
        RunOutcome outcome = advance(Double.POSITIVE_INFINITY, limit);
        if (outcome == RunOutcome.LIMIT && eventsFired >= eventBudget) {
            throw new EventBudgetExceededException(eventBudget, now);
        }
        return outcome;
    }

    private RunOutcome advance(double horizon, long limit) {
        stopRequested = false;
        if (checkpoint == null) {
            return fire(horizon, limit);
        }
        while (true) {
            // A chunk ends on the loop's own event limit; when it ends otherwise, so does the run.
            RunOutcome outcome = fire(horizon, Math.min(limit, eventsFired + CHECKPOINT_EVERY));
            if (outcome != RunOutcome.LIMIT || eventsFired >= limit) {
                return outcome;
            }
            checkpoint.reached(now, eventsFired);
        }
    }

    /** Fires events due by {@code horizon} until {@code limit} events have fired in all, a stop, or none is left. */
    private RunOutcome fire(double horizon, long limit) {
        while (eventsFired < limit) {
            Object event = queue.pollDueBy(horizon);
            if (event == null) {
                if (queue.isEmpty()) {
                    if (horizon > now && horizon != Double.POSITIVE_INFINITY) {
                        now = horizon;
                    }
                    return RunOutcome.EMPTY;
                }
                now = horizon;
                return RunOutcome.HORIZON;
            }
            now = queue.lastPolledTime();
            eventsFired++;
            if (event instanceof Event e) {
                e.fire();
            } else {
                ((IndexedEvent) event).fire(queue.lastPolledTag());
            }
            if (stopRequested) {
                return RunOutcome.STOPPED;
            }
        }
        if (queue.isEmpty()) {
            if (horizon > now && horizon != Double.POSITIVE_INFINITY) {
                now = horizon;
            }
            return RunOutcome.EMPTY;
        }
        return queue.peekTime() > horizon ? outcomeAtHorizon(horizon) : RunOutcome.LIMIT;
    }

    private RunOutcome outcomeAtHorizon(double horizon) {
        now = horizon;
        return RunOutcome.HORIZON;
    }

    /** Why {@link #run} returned. */
    public enum RunOutcome {
        /** The next event lies beyond the horizon. */
        HORIZON,
        /** An event called {@link #stop}. */
        STOPPED,
        /** No events were left. */
        EMPTY,
        /** {@link #step} fired as many events as it was asked to. */
        LIMIT
    }
}
