package org.mailsim.fit;

import java.time.Instant;
import java.util.Arrays;

/**
 * Failure events of a fleet, in time order.
 *
 * @param timesHours hours since the first event, sorted ascending (the first is 0)
 * @param resolutionHours the clock resolution of the timestamps (1 s for whole-second stamps): a recorded gap of
 *     zero means only that the true gap was shorter than this
 */
public record EventTrace(String source, Instant first, Instant last, double[] timesHours, double resolutionHours) {
    public EventTrace {
        timesHours = timesHours.clone();
        for (int i = 1; i < timesHours.length; i++) {
            if (timesHours[i] < timesHours[i - 1]) {
                throw new IllegalArgumentException("event times must be sorted");
            }
        }
        if (!(resolutionHours > 0)) {
            throw new IllegalArgumentException("resolution must be positive");
        }
    }

    public int events() {
        return timesHours.length;
    }

    /** Hours from the first to the last event. */
    public double spanHours() {
        return timesHours.length == 0 ? 0 : timesHours[timesHours.length - 1] - timesHours[0];
    }

    /** The n - 1 gaps between consecutive events, in hours (zeros where two events share a timestamp). */
    public double[] gapsHours() {
        double[] gaps = new double[Math.max(0, timesHours.length - 1)];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = timesHours[i + 1] - timesHours[i];
        }
        return gaps;
    }

    @Override
    public double[] timesHours() {
        return timesHours.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventTrace t && source.equals(t.source) && first.equals(t.first) && last.equals(t.last)
                && Arrays.equals(timesHours, t.timesHours) && resolutionHours == t.resolutionHours;
    }

    @Override
    public int hashCode() {
        return 31 * source.hashCode() + Arrays.hashCode(timesHours);
    }

    @Override
    public String toString() {
        return "EventTrace[" + source + ", " + timesHours.length + " events, " + first + " .. " + last + "]";
    }
}
