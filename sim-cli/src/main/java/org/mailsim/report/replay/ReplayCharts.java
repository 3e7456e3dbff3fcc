package org.mailsim.report.replay;

import java.awt.Color;
import java.awt.Font;
import java.util.Collection;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.mailsim.report.Milestone;
import org.mailsim.report.ReportCharts;

/** The replay report's charts: one timeline per variant and the comparison of all variants with the reported one. */
public final class ReplayCharts {
    private static final Color REPORTED = new Color(0xd62728);

    private ReplayCharts() {
    }

    /**
     * The variant's timeline: the phases of its shown incident (from its first failure), the reported milestones
     * as dashed red lines; a variant without an incident shows only the reported milestones and says so.
     */
    public static JFreeChart timeline(ReplayVariant variant, List<Milestone> reported) {
        if (variant.shown() != null) {
            JFreeChart chart = ReportCharts.incidentTimeline(variant.shown(), reported);
            XYPlot plot = chart.getXYPlot();
            double span = plot.getRangeAxis().getUpperBound();
            Collection<?> markers = plot.getRangeMarkers(Layer.FOREGROUND);
            if (markers != null) {
                int i = 0;
                for (Object m : markers) {
                    if (m instanceof ValueMarker marker) {
                        placeLabel(marker, marker.getValue() > span / 2, i++);
                    }
                }
            }
            return chart;
        }
        double span = 24;
        for (Milestone m : reported) {
            span = Math.max(span, m.reportedHours());
        }
        double unit = span > 96 ? 24 : 1;
        SymbolAxis rows = new SymbolAxis(null, new String[] {"outage"});
        rows.setGridBandsVisible(false);
        NumberAxis time = new NumberAxis((unit == 24 ? "days" : "hours") + " since the first failure");
        time.setRange(0, span * 1.05 / unit);
        XYPlot plot = new XYPlot(new XYIntervalSeriesCollection(), rows, time, new XYBarRenderer());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        XYTextAnnotation note = new XYTextAnnotation("no incident: no user lost access (see the variant's report)",
                0, span * 0.02 / unit);
        note.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 13));
        note.setTextAnchor(TextAnchor.CENTER_LEFT);
        plot.addAnnotation(note);
        addReported(plot, reported, unit, span);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        return ReportCharts.style(chart);
    }

    /**
     * All variants side by side: days until send/receive was back and until full recovery, one pair of bars per
     * variant; the reported times of the milestones simulated by those two measures as dashed red lines.
     */
    public static JFreeChart comparison(ReplayReport replay) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ReplayVariant v : replay.variants()) {
            String label = v.figures().replicationsWithIncident() == 0 ? v.whatIf() + " (no outage)" : v.whatIf();
            data.addValue(v.figures().hoursToRestoreService().mean() / 24, "send/receive back", label);
            data.addValue(v.figures().hoursToFullRecovery().mean() / 24, "full recovery", label);
        }
        CategoryAxis variants = new CategoryAxis(null);
        variants.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        variants.setMaximumCategoryLabelLines(2);
        NumberAxis days = new NumberAxis("days since the failure that cut users off (mean of replications)");
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0xff7f0e));
        bars.setSeriesPaint(1, new Color(0x1f77b4));
        bars.setItemMargin(0.05);
        CategoryPlot plot = new CategoryPlot(data, variants, days, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        double span = 0;
        for (ReplayVariant v : replay.variants()) {
            span = Math.max(span, v.figures().hoursToFullRecovery().mean() / 24);
        }
        int i = 0;
        for (Milestone m : replay.reported().milestones()) {
            if (!"hoursToRestoreService".equals(m.simulatedBy()) && !"hoursToFullRecovery".equals(m.simulatedBy())) {
                continue;
            }
            span = Math.max(span, m.reportedHours() / 24);
        }
        for (Milestone m : replay.reported().milestones()) {
            if (!"hoursToRestoreService".equals(m.simulatedBy()) && !"hoursToFullRecovery".equals(m.simulatedBy())) {
                continue;
            }
            ValueMarker marker = new ValueMarker(m.reportedHours() / 24, REPORTED, ReportCharts.dashed());
            marker.setLabel("reported: " + m.name());
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            placeLabel(marker, m.reportedHours() / 24 > span / 2, i++);
            plot.addRangeMarker(marker);
        }
        days.setUpperMargin(0.08);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        return ReportCharts.style(chart);
    }

    private static void addReported(XYPlot plot, List<Milestone> reported, double unit, double span) {
        int i = 0;
        for (Milestone m : reported) {
            ValueMarker marker = new ValueMarker(m.reportedHours() / unit, REPORTED, ReportCharts.dashed());
            marker.setLabel("reported: " + m.name());
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            placeLabel(marker, m.reportedHours() > span / 2, i++);
            plot.addRangeMarker(marker);
        }
    }

    /**
     * Puts a marker's label on the side of its line with room for it (left in the right half of the axis), and
     * cycles bottom, top and middle so the labels of neighbouring milestones do not overprint.
     */
    private static void placeLabel(ValueMarker marker, boolean leftOfLine, int index) {
        int row = index % 3;
        if (leftOfLine) {
            marker.setLabelAnchor(row == 0 ? RectangleAnchor.BOTTOM_LEFT : row == 1 ? RectangleAnchor.TOP_LEFT
                    : RectangleAnchor.LEFT);
            marker.setLabelTextAnchor(row == 0 ? TextAnchor.BOTTOM_RIGHT : row == 1 ? TextAnchor.TOP_RIGHT
                    : TextAnchor.CENTER_RIGHT);
        } else {
            marker.setLabelAnchor(row == 0 ? RectangleAnchor.BOTTOM_RIGHT : row == 1 ? RectangleAnchor.TOP_RIGHT
                    : RectangleAnchor.RIGHT);
            marker.setLabelTextAnchor(row == 0 ? TextAnchor.BOTTOM_LEFT : row == 1 ? TextAnchor.TOP_LEFT
                    : TextAnchor.CENTER_LEFT);
        }
    }
}
