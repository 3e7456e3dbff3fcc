package org.mailsim.report.sweep;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mailsim.report.ReportCharts;
import org.mailsim.run.Metric;
import org.mailsim.stats.MetricSummary;
import org.mailsim.sweep.SweepRow;
import org.mailsim.sweep.SweepTable;

/**
 * Cost-versus-risk charts of a sweep, written as PNG by JFreeChart's own encoder: every configuration with the 95%
 * intervals of both coordinates, the Pareto front joined by a line, the target as a dashed horizontal line and
 * the cheapest configuration meeting it labelled.
 */
public final class SweepCharts {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 560;
    public static final String USER_HOURS_FILE = "sweep-cost-vs-user-hours.png";
    public static final String LOSS_FILE = "sweep-cost-vs-loss-probability.png";

    static {
        // Must be set before AWT initialises; a command-line run touches AWT only here.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private SweepCharts() {
    }

    /** Writes both charts into {@code folder} and returns their paths. */
    public static List<Path> writeAll(SweepTable table, Path folder, String currency) throws IOException {
        Path userHours = folder.resolve(USER_HOURS_FILE);
        ReportCharts.savePng(costVersusUserHours(table, currency), userHours, WIDTH, HEIGHT);
        Path loss = folder.resolve(LOSS_FILE);
        ReportCharts.savePng(costVersusLoss(table, currency), loss, WIDTH, HEIGHT);
        return List.of(userHours, loss);
    }

    public static JFreeChart costVersusUserHours(SweepTable table, String currency) {
        return chart(table, "Cost versus expected user-hours without mailbox access",
                "Expected user-hours without mailbox access", "userHoursUnavailable",
                r -> r.point().metric(SweepTable.USER_HOURS).ci95Low(), r -> r.point().metric(SweepTable.USER_HOURS).mean(),
                r -> r.point().metric(SweepTable.USER_HOURS).ci95High(), true, currency);
    }

    public static JFreeChart costVersusLoss(SweepTable table, String currency) {
        // Points at the observed fraction (0 when no replication lost data), bars to the 95% interval: a
        // configuration without losses shows its upper bound as the bar, never as a bare zero.
        return chart(table, "Cost versus P(data loss within the horizon)", "P(data loss within the horizon)",
                "probabilityOfDataLoss",
                r -> r.point().probabilityOfDataLoss().ci95Low(), r -> SweepTable.observedLoss(r.point()),
                r -> r.point().probabilityOfDataLoss().ci95High(), false, currency);
    }

    private static JFreeChart chart(SweepTable table, String title, String riskLabel, String quantity,
            ToDoubleFunction<SweepRow> low, ToDoubleFunction<SweepRow> mid, ToDoubleFunction<SweepRow> high,
            boolean userHoursFront, String currency) {
        List<SweepRow> rows = table.rows();
        XYIntervalSeries all = new XYIntervalSeries("configurations (95% intervals)");
        XYSeries front = new XYSeries("Pareto front", true, true);
        XYSeries cheapest = new XYSeries("cheapest meeting target", false, true);
        List<Integer> frontRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            SweepRow r = rows.get(i);
            MetricSummary cost = r.point().metric(Metric.TOTAL_COST);
            double y = mid.applyAsDouble(r);
            if (!Double.isFinite(cost.mean()) || !Double.isFinite(y)) {
                continue;
            }
            all.add(cost.mean(), finiteOr(cost.ci95Low(), cost.mean()), finiteOr(cost.ci95High(), cost.mean()),
                    y, finiteOr(low.applyAsDouble(r), y), finiteOr(high.applyAsDouble(r), y));
            if (userHoursFront ? table.onUserHoursFront(i) : table.onLossFront(i)) {
                frontRows.add(i);
            }
            if (i == table.cheapestMeetingTarget()) {
                cheapest.add(cost.mean(), y);
            }
        }
        frontRows.sort(Comparator.comparingDouble(i -> rows.get(i).point().totalCost()));
        for (int i : frontRows) {
            front.add(rows.get(i).point().totalCost(), mid.applyAsDouble(rows.get(i)));
        }

        NumberAxis x = new NumberAxis("Expected total cost over the horizon (" + currency + ")");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(riskLabel);
        y.setAutoRangeIncludesZero(true);
        XYErrorRenderer points = new XYErrorRenderer();
        points.setDefaultLinesVisible(false);
        points.setSeriesPaint(0, new Color(0x4C72B0));
        points.setErrorPaint(new Color(0x9DB4D8));
        XYIntervalSeriesCollection allData = new XYIntervalSeriesCollection();
        allData.addSeries(all);
        XYPlot plot = new XYPlot(allData, x, y, points);

        XYLineAndShapeRenderer frontRenderer = new XYLineAndShapeRenderer(true, true);
        frontRenderer.setSeriesPaint(0, new Color(0xDD8452));
        frontRenderer.setSeriesStroke(0, new BasicStroke(2f));
        frontRenderer.setSeriesPaint(1, new Color(0x2CA02C));
        frontRenderer.setSeriesLinesVisible(1, false);
        frontRenderer.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-7, -7, 14, 14));
        XYSeriesCollection frontData = new XYSeriesCollection();
        frontData.addSeries(front);
        frontData.addSeries(cheapest);
        plot.setDataset(1, frontData);
        plot.setRenderer(1, frontRenderer);

        Double bound = table.target().upperBoundOn(quantity);
        if (bound != null) {
            ValueMarker line = new ValueMarker(bound, new Color(0xC44E52), new BasicStroke(1.5f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            line.setLabel("target " + SweepTable.number(bound));
            line.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            line.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(line);
        }
        // Every point labelled: the front's in words (they are the choice), the others by their row number in the
        // page's table, so the cloud stays readable.
        int best = table.cheapestMeetingTarget();
        for (int i = 0; i < rows.size(); i++) {
            SweepRow r = rows.get(i);
            double cx = r.point().totalCost();
            double cy = mid.applyAsDouble(r);
            if (!Double.isFinite(cx) || !Double.isFinite(cy)) {
                continue;
            }
            boolean onFront = frontRows.contains(i);
            String text = onFront || i == best ? " " + i + ": " + SweepHtml.words(r) : " " + i;
            XYTextAnnotation label = new XYTextAnnotation(text, cx, cy);
            label.setTextAnchor(onFront || i == best ? TextAnchor.BOTTOM_LEFT : TextAnchor.TOP_LEFT);
            label.setFont(new Font(Font.SANS_SERIF, onFront || i == best ? Font.BOLD : Font.PLAIN,
                    onFront || i == best ? 12 : 10));
            label.setPaint(onFront || i == best ? new Color(0x333333) : new Color(0x777777));
            plot.addAnnotation(label);
        }
        // Front and target on top of the cloud of points.
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        // A little room below zero, so points at zero (no loss observed) are not hidden by the axis.
        y.configure();
        if (y.getLowerBound() == 0 && y.getUpperBound() > 0) {
            y.setRange(-0.03 * y.getUpperBound(), y.getUpperBound());
        }
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static double finiteOr(double value, double fallback) {
        return Double.isFinite(value) ? value : fallback;
    }
}
