package org.mailsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mailsim.run.Incident;
import org.mailsim.run.Metric;

/**
 * The report's charts, as JFreeChart objects (so the replay report can compose its own) and as PNG files through
 * JFreeChart's own encoder. Everything renders headless: no window system is needed, or touched.
 */
public final class ReportCharts {
    public static final int WIDTH = 800;
    public static final int HEIGHT = 450;
    /** Incident timelines drawn per report: the most severe ones; all are listed in incidents.csv. */
    public static final int MAX_TIMELINES = 10;
    /** Beyond this span an incident's axis counts days instead of hours. */
    private static final double DAYS_AXIS_FROM_HOURS = 96;

    static {
        // Must be set before AWT initialises; a command-line run touches AWT only here.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // PNGs are small: encode in memory. ImageIO's disk cache leaves a stream whose cleanup thread throws when
        // the disk is full, printing a stack trace after our own clear message.
        javax.imageio.ImageIO.setUseCache(false);
    }

    /** A chart written into the report folder: its file name, its heading and caption, and its pixel size. */
    public record ChartImage(String file, String title, String caption, int width, int height) {
    }

    private ReportCharts() {
    }

    /** Writes every chart the report has data for into {@code folder} and lists them in reading order. */
    public static List<ChartImage> writeAll(RunReport report, Path folder) throws IOException {
        List<ChartImage> images = new ArrayList<>();
        images.add(save(dataLossEvents(report), folder, "data-loss-events.png", "Data-loss events per replication",
                "How many replications saw 0, 1, 2, ... data-loss events within the horizon (exact counts)."));
        images.add(save(quantileCurve(report, Metric.USER_HOURS_UNAVAILABLE), folder, "user-hours-unavailable.png",
                "User-hours without mailbox access per replication",
                "Quantile curve: the value below which the given percentage of replications fall "
                        + "(from the run's quantile sketch; the dashed line is the mean)."));
        List<Incident> severe = mostSevere(report);
        for (int i = 0; i < severe.size(); i++) {
            Incident incident = severe.get(i);
            images.add(save(incidentTimeline(incident, report.reportedTimeline()), folder,
                    String.format("incident-%02d-timeline.png", i + 1), "Incident timeline: " + describe(incident),
                    "Phases of the incident from its first failure"
                            + (report.reportedTimeline().isEmpty() ? "." : "; dashed red lines mark the reported timeline.")));
        }
        if (!severe.isEmpty()) {
            Incident worst = severe.get(0);
            images.add(save(usersUnavailable(worst), folder, "worst-incident-users.png",
                    "Users unavailable over time, worst incident",
                    describe(worst) + ": users without send/receive until service is restored, and users still "
                            + "missing mail until full recovery."));
        }
        if (report.durability() != null) {
            images.add(save(DurabilityChart.of(durabilityRows(report.durability()), "P(data loss within "
                    + Figures.duration(report.horizonHours()) + "), log scale"), folder, "durability.png",
                    "Probability of data loss, rare-event estimate",
                    "Each figure with its 95% confidence interval on a log scale: any loss, whole-array loss and "
                            + "sector loss, for the fleet and for one " + report.durability().unit().name() + "."));
        }
        if (!report.cost().isEmpty()) {
            images.add(save(costBreakdown(report.cost(), report.currency()), folder, "cost-breakdown.png",
                    "Cost breakdown", "Expected cost over the horizon (" + Figures.duration(report.horizonHours())
                            + ") by category" + (report.currency().isEmpty() ? "." : ", in " + report.currency() + ".")));
        }
        return images;
    }

    /** The rows of the durability chart: any, whole-array and sector loss, for the fleet and for one unit. */
    public static List<DurabilityChart.Row> durabilityRows(org.mailsim.durability.DurabilityEstimate d) {
        String unit = "one " + d.unit().name();
        return List.of(new DurabilityChart.Row("fleet: any loss", d.fleet()),
                new DurabilityChart.Row("fleet: whole array", d.fleetWholeArrayLoss()),
                new DurabilityChart.Row("fleet: sectors", d.fleetSectorLoss()),
                new DurabilityChart.Row(unit + ": any loss", d.perUnit()),
                new DurabilityChart.Row(unit + ": whole array", d.wholeArrayLoss()),
                new DurabilityChart.Row(unit + ": sectors", d.sectorLoss()));
    }

    /** The incidents to draw: most severe first (users affected x hours to restore service), then in run order. */
    public static List<Incident> mostSevere(RunReport report) {
        return report.incidents().stream()
                .sorted(Comparator.comparingDouble((Incident i) -> -i.usersAffected() * i.hoursToRestoreService())
                        .thenComparingDouble(i -> -i.mailsLost()))
                .limit(MAX_TIMELINES)
                .toList();
    }

    public static String describe(Incident incident) {
        return String.format(java.util.Locale.ROOT, "replication %d, %s, %s at %s", incident.replication(),
                incident.storageGroup(), incident.cause(), Figures.duration(incident.startHours()));
    }

    public static ChartImage save(JFreeChart chart, Path folder, String file, String title, String caption)
            throws IOException {
        savePng(chart, folder.resolve(file), WIDTH, HEIGHT);
        return new ChartImage(file, title, caption, WIDTH, HEIGHT);
    }

    /** Pixels per CSS pixel of every PNG: crisp on high-density screens and projectors. */
    public static final int SCALE = 2;

    /**
     * Writes {@code chart} laid out at {@code width} x {@code height} CSS pixels and drawn at {@link #SCALE} times
     * that resolution; pages give the CSS size in the img's width and height.
     */
    public static void savePng(JFreeChart chart, Path file, int width, int height) throws IOException {
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file))) {
            ChartUtils.writeScaledChartAsPNG(out, chart, width, height, SCALE, SCALE);
        }
    }

    /** Bars: replications by their number of data-loss events (exact, from the run's count histogram). */
    public static JFreeChart dataLossEvents(RunReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Long> counts = report.dataLossEventCounts();
        int last = 0;
        for (int k = 0; k < counts.size(); k++) {
            if (counts.get(k) > 0) {
                last = k;
            }
        }
        // Always show 0 and 1 events, so "no loss" reads as one full bar beside an empty one.
        last = Math.max(last, 1);
        for (int k = 0; k <= last; k++) {
            String label = k == counts.size() - 1 ? k + "+" : Integer.toString(k);
            data.addValue(counts.get(k), "replications", label);
        }
        JFreeChart chart = ChartFactory.createBarChart(null, "data-loss events in one replication",
                "replications", data, PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        barStyle(renderer);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return style(chart);
    }

    /** The quantile function of a metric: x the percentage of replications, y the value at that quantile. */
    public static JFreeChart quantileCurve(RunReport report, Metric metric) {
        XYSeries series = new XYSeries(metric.label());
        List<Double> values = report.quantiles().get(metric);
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            if (Double.isFinite(v)) {
                series.add(100 * RunReport.QUANTILE_GRID.get(i), v);
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart(null, "percentage of replications at or below",
                metric.label(), new XYSeriesCollection(series), PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.getDomainAxis().setRange(0, 100);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        var summary = report.summary(metric);
        if (summary.count() > 0) {
            ValueMarker mean = new ValueMarker(summary.mean(), Color.DARK_GRAY, dashed());
            mean.setLabel("mean " + Figures.number(summary.mean()));
            mean.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            mean.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(mean);
        }
        return style(chart);
    }

    /** A moment on a timeline: a reported milestone (dashed red) or a failure that led to the incident (solid). */
    public record Moment(double hours, String label, boolean reported) {
    }

    /**
     * An incident as a Gantt chart on a numeric time axis: one bar per phase, top to bottom in order, each kind of
     * phase in its one colour ({@link PhaseColours}); reported milestones as dashed red lines.
     */
    public static JFreeChart incidentTimeline(Incident incident, List<Milestone> reported) {
        List<Moment> moments = new ArrayList<>();
        for (Milestone m : reported) {
            moments.add(new Moment(m.reportedHours(), "reported: " + m.name(), true));
        }
        return timeline(incident.phases(), incident.startHours(), moments, "the failure that started the incident");
    }

    /**
     * The whole chain as a Gantt chart: {@code phases} (absolute hours), drawn from {@code zeroHours}, which the
     * axis names ({@code zeroEvent}); {@code moments} (hours from zero) as vertical lines whose labels each get
     * their own row above the bars, so no two labels ever overprint.
     */
    public static JFreeChart timeline(List<Incident.Phase> phases, double zeroHours, List<Moment> moments,
            String zeroEvent) {
        double span = 0;
        for (Incident.Phase phase : phases) {
            span = Math.max(span, phase.endHours() - zeroHours);
        }
        for (Moment m : moments) {
            span = Math.max(span, m.hours());
        }
        double unit = span > DAYS_AXIS_FROM_HOURS ? 24 : 1;
        String unitName = unit == 24 ? "days" : "hours";

        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        List<String> names = new ArrayList<>();
        XYBarRenderer renderer = new XYBarRenderer();
        for (int i = 0; i < phases.size(); i++) {
            Incident.Phase phase = phases.get(i);
            XYIntervalSeries series = new XYIntervalSeries(i + " " + phase.name());
            double start = (phase.startHours() - zeroHours) / unit;
            double end = (phase.endHours() - zeroHours) / unit;
            series.add(i, i - 0.35, i + 0.35, start, start, end);
            data.addSeries(series);
            names.add(phase.name());
            renderer.setSeriesPaint(i, PhaseColours.of(phase.name()));
        }
        SymbolAxis rows = new SymbolAxis(null, names.toArray(new String[0]));
        rows.setInverted(true);
        rows.setGridBandsVisible(false);
        rows.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        // Room above the first bar for one line per moment's label: about 16 px each on a ~330 px plot.
        int n = Math.max(1, phases.size());
        double labelPx = 16.0 * moments.size() + 6;
        double extra = moments.isEmpty() ? 0 : labelPx * n / Math.max(60, 330 - labelPx);
        rows.setRange(-0.5 - extra, n - 0.5);
        NumberAxis time = new NumberAxis(unitName + " since " + zeroEvent);
        // Auto-range would fit the bars only and hide a milestone reported after the last phase.
        time.setRange(0, Math.max(span / unit, 1e-9) * 1.04);
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.DARK_GRAY);
        XYPlot plot = new XYPlot(data, rows, time, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        addMoments(plot, moments, unit, span);
        return style(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
    }

    /**
     * Vertical lines for {@code moments}, sorted by time; label i sits on row i from the top, left of its line in
     * the right half of the axis (so it is not cut off), right of it otherwise. One row each: labels never overlap.
     */
    public static void addMoments(XYPlot plot, List<Moment> moments, double unit, double span) {
        List<Moment> byTime = moments.stream().sorted(Comparator.comparingDouble(Moment::hours)).toList();
        for (int i = 0; i < byTime.size(); i++) {
            Moment m = byTime.get(i);
            ValueMarker marker = m.reported()
                    ? new ValueMarker(m.hours() / unit, PhaseColours.REPORTED, dashed())
                    : new ValueMarker(m.hours() / unit, PhaseColours.FAILURE, new BasicStroke(1.5f));
            marker.setLabel(m.label());
            marker.setLabelFont(new Font(Font.SANS_SERIF, m.reported() ? Font.PLAIN : Font.BOLD, 11));
            marker.setLabelPaint(m.reported() ? PhaseColours.REPORTED.darker() : PhaseColours.FAILURE);
            marker.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4 + 16 * i, 4, 4, 4));
            boolean left = m.hours() > span / 2;
            marker.setLabelAnchor(left ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(left ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
            plot.addRangeMarker(marker);
        }
    }

    /**
     * Users unavailable over an incident, as steps: all affected users lack send/receive until service is
     * restored, and still miss mail until full recovery (the incident records no finer per-phase counts).
     */
    public static JFreeChart usersUnavailable(Incident incident) {
        double lastPhaseEnd = 0;
        for (Incident.Phase phase : incident.phases()) {
            lastPhaseEnd = Math.max(lastPhaseEnd, phase.endHours() - incident.startHours());
        }
        double restore = finiteOr(incident.hoursToRestoreService(), lastPhaseEnd);
        double full = Math.max(restore, finiteOr(incident.hoursToFullRecovery(), lastPhaseEnd));
        double span = Math.max(full, lastPhaseEnd);
        double unit = span > DAYS_AXIS_FROM_HOURS ? 24 : 1;
        double end = Math.max(span, 1e-9) * 1.05 / unit;
        long users = incident.usersAffected();

        XYSeries noService = new XYSeries("without send/receive");
        noService.add(0, users);
        noService.add(restore / unit, 0);
        noService.add(end, 0);
        XYSeries missingMail = new XYSeries("still missing mail");
        missingMail.add(0, users);
        missingMail.add(full / unit, 0);
        missingMail.add(end, 0);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(noService);
        data.addSeries(missingMail);
        JFreeChart chart = ChartFactory.createXYLineChart(null,
                (unit == 24 ? "days" : "hours") + " since the first failure", "users", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {6, 4}, 0));
        renderer.setSeriesPaint(0, new Color(0xd62728));
        renderer.setSeriesPaint(1, new Color(0x1f77b4));
        plot.setRenderer(renderer);
        NumberAxis usersAxis = (NumberAxis) plot.getRangeAxis();
        usersAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        usersAxis.setUpperMargin(0.15);
        return style(chart);
    }

    /** Horizontal bars, one per cost category, labelled with the amount. */
    public static JFreeChart costBreakdown(Map<String, Double> cost, String currency) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        cost.forEach((category, amount) -> data.addValue(amount, "cost", Words.costCategory(category)));
        JFreeChart chart = ChartFactory.createBarChart(null, null, currency.isEmpty() ? "expected cost"
                : "expected cost (" + currency + ")", data, PlotOrientation.HORIZONTAL, false, false, false);
        BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
        barStyle(renderer);
        chart.getCategoryPlot().getRangeAxis().setUpperMargin(0.15);
        return style(chart);
    }

    private static void barStyle(BarRenderer renderer) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        // Whole numbers with grouped thousands, as in the tables.
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat("#,##0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setMaximumBarWidth(0.12);
    }

    /** mailsim's chart look: white background, light grid lines, anti-aliased. */
    public static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(Color.LIGHT_GRAY);
            xy.setRangeGridlinePaint(Color.LIGHT_GRAY);
        } else if (chart.getPlot() instanceof CategoryPlot cat) {
            cat.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
        return chart;
    }

    /** The dashed stroke of reported milestones and targets. */
    public static BasicStroke dashed() {
        return new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 4}, 0);
    }

    private static double finiteOr(double value, double fallback) {
        return Double.isFinite(value) && value >= 0 ? value : fallback;
    }
}
