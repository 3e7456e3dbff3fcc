package org.mailsim.report.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailsim.report.Figures;
import org.mailsim.report.html.Html;

/**
 * The replay's index.html (template {@code replay.mustache}): one self-contained page (inline style, no scripts,
 * nothing from the network) that refers
 * only to the files written beside it: the comparison chart, one timeline chart per variant, replay.csv,
 * replay.json and each variant's own run report under variants/.
 */
public final class ReplayHtml {
    static final int CHART_WIDTH = 800;
    static final int CHART_HEIGHT = 420;

    private ReplayHtml() {
    }

    public static String render(ReplayReport replay, String comparisonChart) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", "mailsim replay: " + replay.name());
        page.put("name", replay.name());
        page.put("meta", "mailsim " + replay.version() + " · " + replay.variants().size() + " variants: the outage as it"
                + " happened, then what-ifs that change one decision each.");
        page.put("description", replay.base().description().isEmpty() ? null : replay.base().description());

        ReplayVariant base = replay.base();
        double largest = 0;
        for (ReplayVariant.Comparison c : base.comparisons()) {
            largest = Math.max(largest, c.milestone().reportedHours());
        }
        Figures.TimeUnit milestoneUnit = Figures.unitFor(largest);
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < base.comparisons().size(); i++) {
            ReplayVariant.Comparison c = base.comparisons().get(i);
            boolean simulated = !Double.isNaN(c.simulatedHours()) && c.milestone().simulatedBy() != null;
            String sim = base.figures().replicationsWithIncident() == 0 ? "no outage"
                    : simulated ? milestoneUnit.number(c.simulatedHours()) : "reported only";
            comparisons.add(new Comparison(c.milestone().name(), milestoneUnit.number(c.milestone().reportedHours()),
                    sim, simulated && base.figures().replicationsWithIncident() > 0
                    ? signedHours(c.differenceHours()) : "",
                    replay.reported().sources().get(i)));
        }
        page.put("hasComparisons", !comparisons.isEmpty());
        page.put("comparisons", comparisons);
        page.put("milestoneUnit", milestoneUnit.label());

        List<Double> restores = new ArrayList<>();
        List<Double> fulls = new ArrayList<>();
        for (ReplayVariant v : replay.variants()) {
            restores.add(v.figures().hoursToRestoreService().max());
            fulls.add(v.figures().hoursToFullRecovery().max());
        }
        Figures.TimeUnit restoreUnit = Figures.unitFor(restores.stream().mapToDouble(Double::doubleValue).toArray());
        Figures.TimeUnit fullUnit = Figures.unitFor(fulls.stream().mapToDouble(Double::doubleValue).toArray());
        String currency = base.report().currency().isEmpty() ? "" : base.report().currency();
        List<Variant> variants = new ArrayList<>();
        for (ReplayVariant v : replay.variants()) {
            ReplayFigures f = v.figures();
            boolean outage = f.replicationsWithIncident() > 0;
            double incidentCost = 0;
            for (Map.Entry<String, Double> e : v.report().cost().entrySet()) {
                if (e.getKey().startsWith("incident.")) {
                    incidentCost += e.getValue();
                }
            }
            variants.add(new Variant(v.name(), v.whatIf(), v.description().isEmpty() ? null : v.description(),
                    outage ? range(f.hoursToRestoreService(), restoreUnit) : "no outage",
                    outage ? range(f.hoursToFullRecovery(), fullUnit) : "no outage",
                    Figures.number(Math.round(f.mailsLost())), Figures.number(Math.round(f.usersAffected())),
                    Figures.number(Math.round(f.usersWithLoss())), Figures.number(Math.round(f.mailsBounced())),
                    Figures.number(Math.round(f.mailsFailedToSend())), Figures.number(Math.round(incidentCost)),
                    v.folder(), v.timelineFile(), caption(v), v.file()));
        }
        page.put("variants", variants);
        page.put("restoreUnit", restoreUnit.label());
        page.put("fullUnit", fullUnit.label());
        page.put("currency", currency.isEmpty() ? "the scenario's currency" : currency);
        page.put("comparisonChart", comparisonChart);
        page.put("chartWidth", CHART_WIDTH);
        page.put("chartHeight", CHART_HEIGHT);
        page.put("command", replay.command());
        return Html.render("replay", page);
    }

    /** A reported milestone beside the simulated one. */
    public record Comparison(String name, String reported, String simulated, String difference, String source) {
    }

    /** A variant's row and its timeline section. */
    public record Variant(String name, String whatIf, String description, String restore, String full, String lost,
                          String users, String usersWithLoss, String bounced, String sendsFailed,
                          String incidentCost, String folder, String timeline, String caption, String file) {
        public String anchor() {
            return name;
        }

        public int timelineWidth() {
            return CHART_WIDTH;
        }

        public int timelineHeight() {
            return CHART_HEIGHT;
        }
    }

    private static String caption(ReplayVariant v) {
        return (v.chain().isEmpty() ? "" : "Hour 0 is the first scripted failure (" + v.chain().get(0).what()
                + "); solid black lines: the failures of the chain. ")
                + (v.shown() == null ? "No incident in replication 0: the array survived and no user lost access."
                : "Then the phases of " + v.shown().storageGroup() + "'s incident in replication 0"
                + (v.figures().incidentsPerReplication() > 1 ? String.format(java.util.Locale.ROOT,
                " (one of %s incidents per replication; the one that closes last)",
                Figures.number(v.figures().incidentsPerReplication())) : "")
                + ", each kind of phase in the same colour on every chart")
                + "; dashed red lines: the reported timeline, which counts from the failure that cut users off.";
    }

    /** A difference in hours, signed, without the unit (the column says it). */
    private static String signedHours(double hours) {
        return Math.abs(hours) < 1e-6 ? "0" : (hours > 0 ? "+" : "-") + Figures.number(Math.abs(hours));
    }

    private static String range(ReplayFigures.Range r, Figures.TimeUnit unit) {
        String mean = unit.number(r.mean());
        if (r.min() == r.max()) {
            return mean;
        }
        return mean + " [" + unit.number(r.min()) + ", " + unit.number(r.max()) + "]";
    }
}
