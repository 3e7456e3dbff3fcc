package org.mailsim.sweep;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.mailsim.run.Metric;
import org.mailsim.stats.Estimate;
import org.mailsim.stats.MetricSummary;

/** A deterministic stand-in for the simulation: figures computed from the overrides by formulas. */
final class SweepFixtures {
    private SweepFixtures() {
    }

    /**
     * Cost grows with width and spares; user-hours fall with spares and rise with width; P(loss) from a count of
     * "losses" out of 100 replications. Values are chosen to exercise non-trivial doubles (thirds, sevenths) so a
     * lossy number format would show in the byte comparison.
     */
    static SweepPoint point(Map<String, String> overrides) {
        int width = Integer.parseInt(overrides.getOrDefault("storage.raid.width", "6"));
        int spares = Integer.parseInt(overrides.getOrDefault("storage.spares.hot", "0"));
        boolean raid6 = "raid6".equals(overrides.getOrDefault("storage.raid.level", "raid5"));
        double cost = 1000.0 * width / 3 + 250.0 * spares / 7 + (raid6 ? 400.0 / 3 : 0);
        double userHours = (width * 10.0 / 7) / (1 + spares) / (raid6 ? 3 : 1);
        long losses = Math.max(0, width - 2 * spares - (raid6 ? 6 : 0));
        Map<Metric, MetricSummary> metrics = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            double mean = switch (metric) {
                case TOTAL_COST -> cost;
                case USER_HOURS_UNAVAILABLE -> userHours;
                default -> metric.ordinal() * 0.1 + width / 9.0;
            };
            metrics.put(metric, new MetricSummary(100, mean, mean * 0.9, mean * 1.1, mean, mean * 1.5, mean * 2,
                    mean * 3));
        }
        Estimate pLoss = org.mailsim.stats.Proportions.probability(losses, 100);
        Estimate mttdl = org.mailsim.stats.Proportions.meanTimeFromExposure(87_600.0 * 100, losses);
        return new SweepPoint(metrics, pLoss, mttdl, 100, Map.of(org.mailsim.run.Severity.ARRAY_LOSS, pLoss,
                org.mailsim.run.Severity.SECTOR_LOSS, pLoss, org.mailsim.run.Severity.OUTAGE, pLoss),
                new org.mailsim.run.RunExtent(87_600, false, 40, 5_120));
    }

    /** The formula runner, counting its calls and throwing on the call after {@code failAfter} (if >= 0). */
    static final class CountingRunner implements ConfigurationRunner {
        final AtomicInteger calls = new AtomicInteger();
        private final int failAfter;

        CountingRunner(int failAfter) {
            this.failAfter = failAfter;
        }

        @Override
        public SweepPoint run(Map<String, String> overrides) {
            if (failAfter >= 0 && calls.get() >= failAfter) {
                throw new IllegalStateException("killed after " + failAfter + " configurations");
            }
            calls.incrementAndGet();
            return point(overrides);
        }
    }
}
