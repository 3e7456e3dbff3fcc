package org.mailsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.mailsim.stats.Estimate;

/**
 * Probabilities of data loss on a log scale, one row per figure (a loss kind of a run, or a configuration of a
 * sweep), each a point with its 95% interval as a bar: what rare-event estimates of 1e-6 and 1e-14 need, where a
 * linear axis shows only zeros. A figure without an estimate is listed without a point; an interval whose lower end
 * is 0 (a figure too uncertain to bound below) is drawn from the axis' left edge.
 */
public final class DurabilityChart {
    /** One row of the chart. */
    public record Row(String label, Estimate probability) {
    }

    private DurabilityChart() {
    }

    public static JFreeChart of(List<Row> rows, String axisLabel) {
        XYIntervalSeries points = new XYIntervalSeries("P(loss)");
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (Row row : rows) {
            Estimate e = row.probability();
            if (e.estimate() > 0) {
                smallest = Math.min(smallest, e.ci95Low() > 0 ? e.ci95Low() : e.estimate());
                largest = Math.max(largest, Double.isFinite(e.ci95High()) ? Math.min(1, e.ci95High()) : e.estimate());
            }
        }
        if (!(largest > 0)) {
            smallest = 1e-6;
            largest = 1;
        }
        double left = Math.pow(10, Math.floor(Math.log10(smallest)) - 0.3);
        double right = Math.min(1.5, Math.pow(10, Math.ceil(Math.log10(largest)) + 0.3));
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Estimate e = rows.get(i).probability();
            labels.add(rows.get(i).label());
            if (e.estimate() > 0) {
                double low = e.ci95Low() > 0 ? e.ci95Low() : left;
                double high = Double.isFinite(e.ci95High()) ? Math.min(e.ci95High(), right) : right;
                points.add(e.estimate(), low, high, i, i, i);
            }
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(points);
        LogAxis probability = new LogAxis(axisLabel);
        probability.setBase(10);
        probability.setSmallestValue(1e-300);
        probability.setRange(left, right);
        probability.setNumberFormatOverride(new java.text.DecimalFormat("0.#E0"));
        SymbolAxis names = new SymbolAxis(null, labels.toArray(new String[0]));
        names.setInverted(true);
        names.setGridBandsVisible(false);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(true);
        renderer.setDrawYError(false);
        renderer.setErrorPaint(new Color(0x1f77b4));
        renderer.setErrorStroke(new BasicStroke(2f));
        renderer.setCapLength(8);
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        renderer.setDefaultLinesVisible(false);
        XYPlot plot = new XYPlot(data, probability, names, renderer);
        return ReportCharts.style(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
    }
}
