package org.mailsim.model.storage.disk;

import java.util.Objects;
import org.mailsim.random.Distribution;
import org.mailsim.random.Distributions;

/**
 * How a disk is scrubbed (read end to end so that latent sector errors are found and rewritten from redundancy).
 *
 * <p>A {@link Distributions.Deterministic} interval means periodic scrubs every {@code interval} hours, each disk
 * with its own phase: the chance a disk holds an undetected error is then 1 - (1 - e^(-rT)) / (rT). Any other
 * distribution is the time from a disk's first undetected error to the scrub that finds it, as in Elerath and
 * Pecht (2009), who draw it from Weibull(3, 168 h, 6 h); for the exponential that is exactly a Poisson scrub
 * process (memoryless), giving rT / (1 + rT).
 */
public record ScrubSpec(Distribution interval) {
    public ScrubSpec {
        Objects.requireNonNull(interval, "scrub interval");
    }

    public static ScrubSpec periodic(double hours) {
        if (!(hours > 0)) {
            throw new IllegalArgumentException("scrub period must be positive, got " + hours);
        }
        return new ScrubSpec(Distributions.deterministic(hours));
    }

    public static ScrubSpec exponential(double meanHours) {
        return new ScrubSpec(Distributions.exponential(meanHours));
    }

    public boolean periodic() {
        return interval instanceof Distributions.Deterministic;
    }
}
