package org.mailsim.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.mailsim.cli.Main;
import org.mailsim.durability.DurabilityEstimate;
import org.mailsim.run.DecisionMetric;
import org.mailsim.run.Incident;
import org.mailsim.run.Metric;
import org.mailsim.run.ReplicationTable;
import org.mailsim.run.RunExtent;
import org.mailsim.run.RunStatistics;
import org.mailsim.run.Severity;
import org.mailsim.stats.Estimate;
import org.mailsim.stats.MetricSummary;
import org.mailsim.stats.MttdlMethod;

/**
 * Everything a report shows about one run, frozen: what was run (scenario, seed, threads, version, the scenario
 * text and the command that reproduces it) and what came out (the merged statistics, and each replication's
 * metric values when the run had at most {@link ReplicationTable#MAX_REPLICATIONS}; never full per-replication
 * results). JSON, table, CSV, charts and HTML are all rendered from this one value, so they cannot disagree.
 *
 * @param replications        replications merged into the statistics
 * @param horizonHours        the horizon (the cap, for runs until first data loss)
 * @param metrics             summary per metric, in {@link Metric} order
 * @param quantiles           per metric, its values at {@link #QUANTILE_GRID} (NaN when the metric is empty)
 * @param dataLossEventCounts element k: replications with k data-loss events (the last: that many or more)
 * @param mttdlMethod         how mttdlHours was estimated (sample mean, or the exponential approximation) and its
 *                            warning when the hazard of a first loss visibly is not constant
 * @param incidents           incidents kept for the report (up to {@link RunStatistics#INCIDENTS_KEPT})
 * @param incidentCount       all incidents, kept or not
 * @param cost                cost breakdown, category to amount, in the order given (empty when not modelled)
 * @param reportedTimeline    a reported timeline to compare with (replays), else empty
 * @param bySeverity          P(at least one incident of each severity within the horizon)
 * @param incidentsBySeverity incidents of each severity, kept or not
 * @param incidentsNotKept    incidents of each severity left out of {@code incidents} by the cap
 * @param extent              horizon, arrays and usable capacity (for per-year, per-array and per-TB figures)
 * @param durability          the rare-event estimate of P(data loss), when the run used it (then
 *                            {@code probabilityOfDataLoss} is its fleet figure, {@code bySeverity} carries its
 *                            whole-array and sector-loss figures, and {@code mttdlHours} too where lifetimes are
 *                            exponential), else null
 * @param overrides           the {@code --set key=value} what-ifs applied to the scenario file, in order (empty:
 *                            the scenario as written)
 * @param currency            currency of every cost figure (the scenario's costs.currency)
 * @param replicationTable    each replication's values in replication order (replications.csv, for paired
 *                            comparisons), or null when the run had more than {@link ReplicationTable#MAX_REPLICATIONS}
 */
public record RunReport(String scenario, long seed, long replications, int threads, double horizonHours,
                        String version, String scenarioYaml, String command,
                        Map<Metric, MetricSummary> metrics, Map<Metric, List<Double>> quantiles,
                        List<Long> dataLossEventCounts, Estimate probabilityOfDataLoss, Estimate mttdlHours,
                        MttdlMethod mttdlMethod,
                        Map<String, Long> lossByCause, List<Incident> incidents, long incidentCount,
                        long replicationsWithLoss, Map<String, Double> cost, double wallClockSeconds,
                        List<Milestone> reportedTimeline, Map<Severity, Estimate> bySeverity,
                        Map<Severity, Long> incidentsBySeverity, Map<Severity, Long> incidentsNotKept,
                        RunExtent extent, DurabilityEstimate durability, List<String> overrides,
                        String currency, ReplicationTable replicationTable) implements DecisionMetric.Source {

    /** Probabilities at which each metric's quantile is kept, for distribution charts: 0, 0.01, ..., 1. */
    public static final List<Double> QUANTILE_GRID;

    static {
        Double[] grid = new Double[101];
        for (int i = 0; i <= 100; i++) {
            grid[i] = i / 100.0;
        }
        QUANTILE_GRID = List.of(grid);
    }

    public RunReport {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(version, "version");
        scenarioYaml = scenarioYaml == null ? "" : scenarioYaml;
        command = command == null ? "" : command;
        metrics = Collections.unmodifiableMap(new EnumMap<>(metrics));
        EnumMap<Metric, List<Double>> q = new EnumMap<>(Metric.class);
        quantiles.forEach((metric, values) -> q.put(metric, List.copyOf(values)));
        quantiles = Collections.unmodifiableMap(q);
        dataLossEventCounts = List.copyOf(dataLossEventCounts);
        Objects.requireNonNull(probabilityOfDataLoss, "probabilityOfDataLoss");
        Objects.requireNonNull(mttdlHours, "mttdlHours");
        Objects.requireNonNull(mttdlMethod, "mttdlMethod");
        lossByCause = Collections.unmodifiableMap(new TreeMap<>(lossByCause));
        incidents = List.copyOf(incidents);
        cost.forEach((category, amount) -> {
            Objects.requireNonNull(category, "cost category");
            Objects.requireNonNull(amount, () -> "cost of " + category);
        });
        cost = Collections.unmodifiableMap(new LinkedHashMap<>(cost));
        reportedTimeline = List.copyOf(reportedTimeline);
        bySeverity = Collections.unmodifiableMap(new EnumMap<>(bySeverity));
        incidentsBySeverity = Collections.unmodifiableMap(new EnumMap<>(incidentsBySeverity));
        incidentsNotKept = Collections.unmodifiableMap(new EnumMap<>(incidentsNotKept));
        Objects.requireNonNull(extent, "extent");
        overrides = List.copyOf(overrides);
        currency = currency == null ? "" : currency;
        for (Metric metric : Metric.values()) {
            if (!metrics.containsKey(metric)) {
                throw new IllegalArgumentException("no summary for metric " + metric.key());
            }
        }
    }

    /** The scenario's name, with the what-if overrides when there are any: "portal-baseline with raid.level=raid6". */
    public String title() {
        return overrides.isEmpty() ? scenario : scenario + " with " + String.join(", ", overrides);
    }

    @Override
    public MetricSummary summary(Metric metric) {
        return metrics.get(metric);
    }

    @Override
    public Estimate probability(Severity severity) {
        return bySeverity.get(severity);
    }

    /** True when no replication lost data, so P(loss) and MTTDL are bounds, not estimates. */
    public boolean noLossObserved() {
        return probabilityOfDataLoss.boundOnly();
    }

    /**
     * The incident that kept most users from their mail longest: users affected times hours to restore service
     * (its user-hours without access), ties to the one with more mails lost, then the earlier one.
     */
    public java.util.Optional<Incident> worstIncident() {
        Incident worst = null;
        for (Incident incident : incidents) {
            if (worst == null || severity(incident) > severity(worst)
                    || severity(incident) == severity(worst) && incident.mailsLost() > worst.mailsLost()) {
                worst = incident;
            }
        }
        return java.util.Optional.ofNullable(worst);
    }

    private static double severity(Incident incident) {
        return incident.usersAffected() * incident.hoursToRestoreService();
    }

    /**
     * The simulated hours matching a reported milestone, by the one definition every page and format uses (the
     * replay's): per replication, from its first incident until its last incident reached the milestone's measure
     * (service back, full recovery, or the end of the named phase), averaged over replications; empty when the
     * milestone names no measure or the run did not keep every incident.
     */
    public OptionalDouble simulatedHours(Milestone milestone) {
        if (milestone.simulatedBy() == null || incidents.size() != incidentCount || incidentCount == 0) {
            return OptionalDouble.empty();
        }
        double hours = org.mailsim.report.replay.ReplayFigures.simulatedHours(this, milestone);
        return Double.isNaN(hours) ? OptionalDouble.empty() : OptionalDouble.of(hours);
    }

    public static Builder builder(String scenario, RunStatistics statistics) {
        return new Builder(scenario, statistics);
    }

    /** Takes what the run knew and snapshots the statistics at {@link #build()}. */
    public static final class Builder {
        private final String scenario;
        private final RunStatistics statistics;
        private long seed;
        private int threads = 1;
        private double horizonHours;
        private String version = Main.version();
        private String scenarioYaml = "";
        private String command = "";
        private Map<String, Double> cost = Map.of();
        private double wallClockSeconds;
        private List<Milestone> reportedTimeline = List.of();
        private DurabilityEstimate durability;
        private List<String> overrides = List.of();
        private String currency = "";
        private RunExtent extent;

        private Builder(String scenario, RunStatistics statistics) {
            this.scenario = Objects.requireNonNull(scenario, "scenario");
            this.statistics = Objects.requireNonNull(statistics, "statistics");
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder horizonHours(double horizonHours) {
            this.horizonHours = horizonHours;
            return this;
        }

        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /** The scenario as run: its YAML after extends and --set overrides were applied. */
        public Builder scenarioYaml(String scenarioYaml) {
            this.scenarioYaml = scenarioYaml;
            return this;
        }

        /** The command line that reproduces the run, e.g. {@code mailsim run x.yaml --seed 7 --replications 1000}. */
        public Builder command(String command) {
            this.command = command;
            return this;
        }

        /** Cost by category; iteration order is kept in every output (pass a LinkedHashMap or TreeMap). */
        public Builder cost(Map<String, Double> cost) {
            this.cost = cost;
            return this;
        }

        public Builder wallClockSeconds(double seconds) {
            this.wallClockSeconds = seconds;
            return this;
        }

        /** The run's extent; without one, the horizon alone (no arrays, no usable capacity). */
        public Builder extent(RunExtent extent) {
            this.extent = extent;
            return this;
        }

        public Builder reportedTimeline(List<Milestone> milestones) {
            this.reportedTimeline = milestones;
            return this;
        }

        /** The --set what-ifs applied to the scenario file. */
        public Builder overrides(List<String> overrides) {
            this.overrides = overrides;
            return this;
        }

        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        /** The rare-event estimate that replaces the plain P(data loss) (and MTTDL where meaningful). */
        public Builder durability(DurabilityEstimate estimate) {
            this.durability = estimate;
            return this;
        }

        public RunReport build() {
            if (statistics.replications() == 0) {
                throw new IllegalStateException("no replications to report");
            }
            Map<Metric, MetricSummary> summaries = new EnumMap<>(Metric.class);
            Map<Metric, List<Double>> quantiles = new EnumMap<>(Metric.class);
            for (Metric metric : Metric.values()) {
                summaries.put(metric, statistics.summary(metric));
                List<Double> values = new ArrayList<>(QUANTILE_GRID.size());
                for (double q : QUANTILE_GRID) {
                    values.add(statistics.quantile(metric, q));
                }
                quantiles.put(metric, values);
            }
            List<Long> lossCounts = Arrays.stream(statistics.dataLossEventCounts()).boxed().toList();
            Estimate pLoss = durability != null ? durability.fleet() : statistics.probabilityOfDataLoss();
            Estimate mttdl = durability != null && durability.exponential() ? durability.fleetMttdlHours()
                    : statistics.mttdlHours();
            Map<Severity, Estimate> severities = new EnumMap<>(Severity.class);
            for (Severity s : Severity.values()) {
                severities.put(s, statistics.probability(s));
            }
            RunExtent x = extent != null ? extent : new RunExtent(horizonHours, false, 0, Double.NaN);
            if (durability != null) {
                severities.put(Severity.ARRAY_LOSS, durability.fleetWholeArrayLoss());
                severities.put(Severity.SECTOR_LOSS, durability.fleetSectorLoss());
            }
            return new RunReport(scenario, seed, statistics.replications(), threads, horizonHours, version,
                    scenarioYaml, command, summaries, quantiles, lossCounts, pLoss, mttdl,
                    durability != null ? new MttdlMethod(true, Double.NaN) : statistics.mttdlMethod(),
                    statistics.lossByCause(), statistics.incidents(),
                    statistics.incidentCount(), statistics.replicationsWithLoss(), cost, wallClockSeconds,
                    reportedTimeline, severities, statistics.incidentsBySeverity(), statistics.incidentsNotKept(), x,
                    durability, overrides, currency,
                    statistics.table().complete() ? statistics.table().copy() : null);
        }
    }
}
