package org.mailsim.model.storage.disk;

/**
 * Latent sector errors: sectors that silently become unreadable, arriving on each disk as a Poisson process of
 * {@code ratePerHour} events, each spoiling {@code burstSectors} sectors. They stay undetected until a scrub or a
 * rebuild reads them; if that happens while the disk has no redundancy left, those sectors' bytes are lost.
 * {@code scrub} null means no scrubbing: only rebuilds find them.
 *
 * <p>Field data: Bairavasundaram et al. (SIGMETRICS'07) saw 8.5% of nearline disks develop latent errors in 32
 * months; Elerath and Pecht (2009) use 1.08e-4 per hour.
 */
public record LatentErrorSpec(double ratePerHour, int burstSectors, ScrubSpec scrub) {
    public static final LatentErrorSpec NONE = new LatentErrorSpec(0, 1, null);

    public LatentErrorSpec {
        if (!(ratePerHour >= 0) || Double.isInfinite(ratePerHour)) {
            throw new IllegalArgumentException("latent error rate must be a non-negative finite number, got "
                    + ratePerHour);
        }
        if (burstSectors < 1) {
            throw new IllegalArgumentException("burst size must be at least one sector, got " + burstSectors);
        }
    }

    public static LatentErrorSpec of(double ratePerHour, ScrubSpec scrub) {
        return new LatentErrorSpec(ratePerHour, 1, scrub);
    }

    public boolean enabled() {
        return ratePerHour > 0;
    }
}
