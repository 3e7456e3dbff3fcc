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
import org.mailsim.report.PhaseColours;
import org.mailsim.run.Incident;
import java.util.ArrayList;
import org.mailsim.report.ReportCharts;

/** The replay report's charts: one timeline per variant and the comparison of all variants with the reported one. */
public final class ReplayCharts {
    private static final Color REPORTED = PhaseColours.REPORTED;

    private ReplayCharts() {
    }

    /**
     * The variant's whole chain on one axis whose zero is the first failure: the scripted failures that led to the
     * shown incident (solid lines), the array's degraded window between the first failure and the incident, then
     * the incident's phases (detection, replacement storage, vendor, merge...), each kind in its one colour, and
     * the reported milestones (dashed red), which count from the failure that cut users off. A variant without an
     * incident shows its failures and says that no user lost access.
     */
    public static JFreeChart timeline(ReplayVariant variant, List<Milestone> reported) {
        List<ReplayVariant.Failure> chain = variant.chain();
        Incident shown = variant.shown();
        double zero = !chain.isEmpty() ? chain.get(0).atHours() : shown != null ? shown.startHours() : 0;
        // The reported milestones count from the failure that cut users off: the incident's start, or (no
        // incident here) the last failure of the chain, which cut users off in the outage as it happened.
        double cutOff = shown != null ? shown.startHours() : !chain.isEmpty() ? chain.get(chain.size() - 1).atHours()
                : zero;
        List<ReportCharts.Moment> moments = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            ReplayVariant.Failure f = chain.get(i);
            boolean last = i == chain.size() - 1 && shown != null && chain.size() > 1;
            moments.add(new ReportCharts.Moment(f.atHours() - zero, f.what() + (last ? ": users cut off" : ""),
                    false));
        }
        for (Milestone m : reported) {
            moments.add(new ReportCharts.Moment(m.reportedHours() + cutOff - zero, "reported: " + m.name(), true));
        }
        String zeroEvent = chain.isEmpty() ? "the failure that cut users off"
                : "the first failure (" + chain.get(0).what() + ")";
        if (shown != null) {
            List<Incident.Phase> phases = new ArrayList<>();
            if (zero < shown.startHours()) {
                phases.add(new Incident.Phase(PhaseColours.DEGRADED, zero, shown.startHours()));
            }
            phases.addAll(shown.phases());
            return ReportCharts.timeline(phases, zero, moments, zeroEvent);
        }
        double span = 24;
        for (ReportCharts.Moment m : moments) {
            span = Math.max(span, m.hours());
        }
        double unit = span > 96 ? 24 : 1;
        SymbolAxis rows = new SymbolAxis(null, new String[] {"outage"});
        rows.setGridBandsVisible(false);
        rows.setRange(-0.5 - 0.25 * moments.size(), 0.5);
        rows.setInverted(true);
        NumberAxis time = new NumberAxis((unit == 24 ? "days" : "hours") + " since " + zeroEvent);
        time.setRange(0, span * 1.05 / unit);
        XYPlot plot = new XYPlot(new XYIntervalSeriesCollection(), rows, time, new XYBarRenderer());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        XYTextAnnotation note = new XYTextAnnotation("no outage: no user lost access to mail (see the variant's"
                + " report)", 0.2, span * 0.3 / unit);
        note.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 13));
        note.setTextAnchor(TextAnchor.CENTER_LEFT);
        plot.addAnnotation(note);
        ReportCharts.addMoments(plot, moments, unit, span);
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
        bars.setSeriesPaint(0, PhaseColours.OUTAGE);
        bars.setSeriesPaint(1, PhaseColours.FULL_RECOVERY);
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
            // One row per label from the top: labels never overprint.
            marker.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4 + 16 * i++, 4, 4, 4));
            boolean left = m.reportedHours() / 24 > span / 2;
            marker.setLabelAnchor(left ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(left ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
            plot.addRangeMarker(marker);
        }
        days.setUpperMargin(0.08);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        return ReportCharts.style(chart);
    }
}
