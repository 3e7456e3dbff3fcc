package org.mailsim.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailsim.run.DecisionMetric;
import org.mailsim.run.Metric;
import org.mailsim.run.Severity;
import org.mailsim.stats.Estimate;
import org.mailsim.stats.MetricSummary;

/**
 * What a configuration must achieve, e.g. {@code expectedUsersWithLossPerYear <= 10 and probabilityOfArrayLoss <=
 * 0.05}. Each condition is {@code quantity[.statistic] (<=|<|>=|>) number}; the quantity is a metric name
 * ({@code userHoursUnavailable}, {@code mailsLost}, {@code arrayLossUsersWithLoss}, ...), a decision metric
 * ({@link DecisionMetric}: {@code expectedUsersWithLossPerYear}, {@code probabilityOfArrayLoss},
 * {@code costPerUsableTerabyte}, ...), {@code probabilityOfDataLoss}, {@code probabilityOfSectorLoss},
 * {@code probabilityOfOutage} or {@code mttdlHours}. The statistic defaults to the mean (metrics) or the estimate
 * (the others); a cautious planner writes {@code userHoursUnavailable.ci95High <= 100} to ask it of the interval's
 * upper end. A probability with no event observed is already its upper bound, so {@code probabilityOfArrayLoss <=
 * p} is never met by luck of a zero count.
 */
public record Target(List<Condition> conditions) {
    private static final Pattern CONDITION = Pattern.compile(
            "\\s*([A-Za-z]+)(?:\\.([A-Za-z0-9]+))?\\s*(<=|>=|<|>)\\s*(\\S+)\\s*");

    public Target {
        conditions = List.copyOf(conditions);
    }

    public static final Target NONE = new Target(List.of());

    /** One inequality on one statistic. */
    public record Condition(String quantity, String statistic, String comparison, double bound) {
        public double value(SweepPoint point) {
            Estimate e = estimateOf(quantity, point);
            if (e != null) {
                return switch (statistic) {
                    case "estimate" -> e.estimate();
                    case "ci95Low" -> e.ci95Low();
                    case "ci95High" -> e.ci95High();
                    default -> throw new IllegalStateException(statistic);
                };
            }
            MetricSummary s = point.metric(metric(quantity));
            return switch (statistic) {
                case "mean" -> s.mean();
                case "ci95Low" -> s.ci95Low();
                case "ci95High" -> s.ci95High();
                case "p50" -> s.p50();
                case "p95" -> s.p95();
                case "p99" -> s.p99();
                case "max" -> s.max();
                default -> throw new IllegalStateException(statistic);
            };
        }

        /** False when the value is undefined (NaN). */
        public boolean holds(SweepPoint point) {
            double v = value(point);
            return switch (comparison) {
                case "<=" -> v <= bound;
                case "<" -> v < bound;
                case ">=" -> v >= bound;
                case ">" -> v > bound;
                default -> throw new IllegalStateException(comparison);
            };
        }

        public String describe() {
            boolean defaultStatistic = statistic.equals("mean") || statistic.equals("estimate");
            return quantity + (defaultStatistic ? "" : "." + statistic) + " " + comparison + " "
                    + Double.toString(bound);
        }
    }

    /**
     * Parses conditions; each text may join several with {@code and}.
     *
     * @throws SweepInputException naming the condition and what is accepted
     */
    public static Target parse(List<String> texts) {
        List<Condition> out = new ArrayList<>();
        for (String text : texts) {
            for (String part : text.split("(?i)\\s+and\\s+|&&")) {
                if (part.isBlank()) {
                    continue;
                }
                out.add(condition(part));
            }
        }
        return new Target(out);
    }

    /** The estimate named {@code quantity} (not a plain metric), or null when it names a metric. */
    static Estimate estimateOf(String quantity, SweepPoint point) {
        DecisionMetric decision = DecisionMetric.byKey(quantity);
        if (decision != null) {
            return decision.of(point);
        }
        return switch (quantity) {
            case "probabilityOfDataLoss" -> point.probabilityOfDataLoss();
            case "mttdlHours" -> point.mttdlHours();
            case "probabilityOfSectorLoss" -> point.probability(Severity.SECTOR_LOSS);
            case "probabilityOfOutage" -> point.probability(Severity.OUTAGE);
            default -> null;
        };
    }

    /** Quantities other than metrics that a condition may name. */
    static List<String> estimateNames() {
        List<String> names = new ArrayList<>(List.of("probabilityOfDataLoss", "probabilityOfSectorLoss",
                "probabilityOfOutage", "mttdlHours"));
        for (DecisionMetric m : DecisionMetric.values()) {
            names.add(m.key());
        }
        return names;
    }

    private static Condition condition(String text) {
        Matcher m = CONDITION.matcher(text);
        String accepted = "accepted: QUANTITY[.STATISTIC] <= NUMBER (or <, >=, >), e.g. "
                + "'userHoursUnavailable <= 100' or 'probabilityOfDataLoss.ci95High <= 0.01'";
        if (!m.matches()) {
            throw new SweepInputException("target '" + text.strip() + "': " + accepted);
        }
        String quantity = m.group(1);
        boolean estimate = estimateNames().contains(quantity);
        if (!estimate && metricOrNull(quantity) == null) {
            List<String> names = new ArrayList<>(estimateNames());
            for (Metric metric : Metric.values()) {
                names.add(metric.key());
            }
            throw new SweepInputException("target '" + text.strip() + "': unknown quantity '" + quantity
                    + "'; accepted: " + String.join(", ", names));
        }
        List<String> statistics = estimate ? List.of("estimate", "ci95Low", "ci95High")
                : List.of("mean", "ci95Low", "ci95High", "p50", "p95", "p99", "max");
        String statistic = m.group(2) == null ? statistics.get(0) : m.group(2);
        if (!statistics.contains(statistic)) {
            throw new SweepInputException("target '" + text.strip() + "': unknown statistic '" + statistic
                    + "' of " + quantity + "; accepted: " + String.join(", ", statistics));
        }
        double bound;
        try {
            bound = Double.parseDouble(m.group(4));
        } catch (NumberFormatException e) {
            bound = Double.NaN;
        }
        if (!Double.isFinite(bound)) {
            throw new SweepInputException("target '" + text.strip() + "': '" + m.group(4)
                    + "' is not a finite number");
        }
        return new Condition(quantity, statistic, m.group(3), bound);
    }

    public boolean isEmpty() {
        return conditions.isEmpty();
    }

    /** True when every condition holds (and there is at least one). */
    public boolean meets(SweepPoint point) {
        if (conditions.isEmpty()) {
            return false;
        }
        for (Condition c : conditions) {
            if (!c.holds(point)) {
                return false;
            }
        }
        return true;
    }

    public String describe() {
        List<String> parts = new ArrayList<>();
        for (Condition c : conditions) {
            parts.add(c.describe());
        }
        return String.join(" and ", parts);
    }

    /** The bound on {@code quantity}'s default statistic with {@code <=} or {@code <}, if any (for chart lines). */
    public Double upperBoundOn(String quantity) {
        Double bound = null;
        for (Condition c : conditions) {
            if (c.quantity.equals(quantity) && c.comparison.startsWith("<")) {
                bound = bound == null ? c.bound : Math.min(bound, c.bound);
            }
        }
        return bound;
    }

    static Metric metric(String key) {
        Metric m = metricOrNull(key);
        if (m == null) {
            throw new IllegalArgumentException("unknown metric " + key);
        }
        return m;
    }

    private static Metric metricOrNull(String key) {
        return Metric.byKey(key);
    }

    @Override
    public String toString() {
        return conditions.isEmpty() ? "(no target)" : describe();
    }
}
