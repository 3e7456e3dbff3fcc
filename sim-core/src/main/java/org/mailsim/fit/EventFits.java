package org.mailsim.fit;

/** Fits to event traces (times between fleet failures). */
public final class EventFits {
    /** The burst window of the OLCF failure studies: 10 minutes. */
    public static final double DEFAULT_BURST_WINDOW_HOURS = 10.0 / 60.0;

    private EventFits() {
    }

    public static EventFit fit(EventTrace trace, double burstWindowHours) {
        double[] gaps = trace.gapsHours();
        int zeros = 0;
        for (double g : gaps) {
            if (g == 0) {
                zeros++;
            }
        }
        LifetimeSample sample = LifetimeSample.fromGaps(gaps, trace.resolutionHours());
        if (sample.exactView().length < 2) {
            throw new InvalidDataException(trace.source() + ": fewer than two distinct event times; nothing to fit");
        }
        return new EventFit(trace.source(), trace.events(), trace.spanHours(), sample, zeros,
                LifetimeFits.exponential(sample), LifetimeFits.weibull(sample),
                Bursts.of(trace.timesHours(), burstWindowHours));
    }
}
