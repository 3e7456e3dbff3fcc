package org.mailsim.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Each replication's values, in replication order, for what summaries cannot give: a paired comparison of two runs
 * that used common random numbers (same seed, so replication i of both drew the same random streams) needs each
 * replication's value, not only the means. Kept per replication: whether it lost data, whether it had an incident
 * of each {@link Severity} class, and every metric that has one value per replication ({@link #METRICS}: all but
 * the two per-outage hours, which are means over outages).
 *
 * <p>Bounded: up to {@link #MAX_REPLICATIONS} replications (a few megabytes); a run with more keeps none (the
 * values are dropped as soon as the count is passed), so a table, when there is one, always holds every
 * replication of its run. The values are the replication results' own doubles, so a table is the same bits for any
 * thread count, as the statistics are.
 */
public final class ReplicationTable {
    /** Runs with more replications keep no table. */
    public static final int MAX_REPLICATIONS = 10_000;
    /** The metrics kept, in {@link Metric} order: those with one value per replication. */
    public static final List<Metric> METRICS = Arrays.stream(Metric.values())
            .filter(m -> m != Metric.HOURS_TO_RESTORE_SERVICE && m != Metric.HOURS_TO_FULL_RECOVERY).toList();
    /** The indicator columns, 0 or 1 per replication: any data loss, then each severity class in its order. */
    public static final List<String> INDICATORS;

    static {
        List<String> names = new ArrayList<>(List.of("lostData"));
        for (Severity s : Severity.values()) {
            names.add(s.key());
        }
        INDICATORS = List.copyOf(names);
    }

    private static final int WIDTH = INDICATORS.size() + METRICS.size();

    private double[] values = new double[64 * WIDTH];
    private int rows;
    private long seen;

    /** Adds the next replication (in replication order). */
    public void add(ReplicationResult result) {
        seen++;
        if (values == null) {
            return;
        }
        if (seen > MAX_REPLICATIONS) {
            values = null;
            rows = 0;
            return;
        }
        if ((rows + 1) * WIDTH > values.length) {
            values = Arrays.copyOf(values, Math.min(Math.max(64 * WIDTH, values.length * 2),
                    MAX_REPLICATIONS * WIDTH));
        }
        int at = rows * WIDTH;
        values[at++] = result.lostData() ? 1 : 0;
        for (Severity s : Severity.values()) {
            values[at++] = had(result, s) ? 1 : 0;
        }
        for (Metric m : METRICS) {
            values[at++] = result.metric(m);
        }
        rows++;
    }

    /** True when the replication had at least one incident of class {@code s} (as {@link RunStatistics} counts). */
    static boolean had(ReplicationResult result, Severity s) {
        return result.metric(switch (s) {
            case ARRAY_LOSS -> Metric.ARRAY_LOSS_EVENTS;
            case OUTAGE -> Metric.OUTAGES_WITHOUT_LOSS;
            case SECTOR_LOSS -> Metric.SECTOR_LOSS_EVENTS;
        }) > 0;
    }

    /** True when every replication added is kept (at most {@link #MAX_REPLICATIONS}). */
    public boolean complete() {
        return values != null && rows == seen && rows > 0;
    }

    /** Replications kept. */
    public int rows() {
        return rows;
    }

    /** Replications added, kept or not. */
    public long replications() {
        return seen;
    }

    /** Replication {@code row}'s value of {@code metric} (one of {@link #METRICS}). */
    public double value(int row, Metric metric) {
        int column = METRICS.indexOf(metric);
        if (column < 0) {
            throw new IllegalArgumentException(metric.key() + " has no value per replication");
        }
        return cell(row, INDICATORS.size() + column);
    }

    /** Replication {@code row}'s indicator {@code index} of {@link #INDICATORS}: true when 1. */
    public boolean indicator(int row, int index) {
        return cell(row, index) != 0;
    }

    private double cell(int row, int column) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("replication " + row + " of " + rows);
        }
        return values[row * WIDTH + column];
    }

    /** A copy that later additions to this table do not change. */
    public ReplicationTable copy() {
        ReplicationTable c = new ReplicationTable();
        c.values = values == null ? null : Arrays.copyOf(values, rows * WIDTH);
        c.rows = rows;
        c.seen = seen;
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplicationTable t && t.rows == rows && t.seen == seen
                && (values == null ? t.values == null : t.values != null
                && Arrays.equals(values, 0, rows * WIDTH, t.values, 0, rows * WIDTH));
    }

    @Override
    public int hashCode() {
        return values == null ? Long.hashCode(seen) : Arrays.hashCode(Arrays.copyOf(values, rows * WIDTH));
    }
}
