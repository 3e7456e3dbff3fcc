package org.mailsim.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one replication produced: a value per {@link Metric} (the per-incident ones, hours to restore service
 * and to full recovery, come from {@code incidents} instead), data-loss events by cause, and how long the
 * replication was observed: until its first data loss or to its horizon.
 */
public record ReplicationResult(double[] metrics, Map<String, Long> lossByCause, boolean lostData,
                                double observedHours, List<Incident> incidents) {
    private static final int METRICS = Metric.values().length; // values() copies its array at every call

    public ReplicationResult {
        if (metrics.length != METRICS) {
            throw new IllegalArgumentException("expected " + METRICS + " metric values, got " + metrics.length);
        }
        metrics = metrics.clone();
        // Most replications lose nothing and have no incident: their empty copies allocate nothing.
        lossByCause = lossByCause.isEmpty() ? Collections.emptySortedMap() : new TreeMap<>(lossByCause);
        incidents = incidents.isEmpty() ? List.of() : List.copyOf(incidents);
    }

    public double metric(Metric metric) {
        return metrics[metric.ordinal()];
    }

    @Override
    public double[] metrics() {
        return metrics.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplicationResult r && Arrays.equals(metrics, r.metrics)
                && lossByCause.equals(r.lossByCause) && lostData == r.lostData
                && Double.compare(observedHours, r.observedHours) == 0 && incidents.equals(r.incidents);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(metrics) * 31 + lossByCause.hashCode();
    }

    /** Builds a result metric by metric. */
    public static final class Builder {
        private final double[] metrics = new double[METRICS];
        // Made at the first loss event and the first incident: most replications have neither.
        private Map<String, Long> lossByCause;
        private List<Incident> incidents;
        private boolean lostData;
        private double observedHours;

        public Builder add(Metric metric, double amount) {
            metrics[metric.ordinal()] += amount;
            return this;
        }

        /** The value set or added so far. */
        public double metric(Metric metric) {
            return metrics[metric.ordinal()];
        }

        public Builder set(Metric metric, double value) {
            metrics[metric.ordinal()] = value;
            return this;
        }

        public Builder lossEvent(String cause) {
            if (lossByCause == null) {
                lossByCause = new TreeMap<>();
            }
            lossByCause.merge(cause, 1L, Long::sum);
            metrics[Metric.DATA_LOSS_EVENTS.ordinal()]++;
            lostData = true;
            return this;
        }

        public Builder incident(Incident incident) {
            if (incidents == null) {
                incidents = new ArrayList<>();
            }
            incidents.add(incident);
            return this;
        }

        public Builder observedHours(double hours) {
            this.observedHours = hours;
            return this;
        }

        public ReplicationResult build() {
            return new ReplicationResult(metrics, lossByCause == null ? Map.of() : lossByCause, lostData,
                    observedHours, incidents == null ? List.of() : incidents);
        }
    }
}
