package org.mailsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.mailsim.run.Incident;
import org.mailsim.run.Severity;

class ReportChartsTest {

    private static Incident incident(double start, double lastPhaseEnd) {
        return new Incident(0, "group-0", "array lost", start,
                List.of(new Incident.Phase("detection", start, start + 2),
                        new Incident.Phase("restore from backup", start + 2, lastPhaseEnd)),
                1000, 0, 0, 0, 2, lastPhaseEnd - start, Severity.ARRAY_LOSS);
    }

    @Test
    void timelineAxisReachesAMilestoneReportedAfterTheLastPhase() {
        // Phases end 78 h after the start; the last milestone is reported at 144 h (6 days).
        JFreeChart chart = ReportCharts.incidentTimeline(incident(100, 178),
                List.of(new Milestone("94% restored", 78, null), new Milestone("all restored", 144, null)));
        XYPlot plot = chart.getXYPlot();
        double upper = plot.getRangeAxis().getUpperBound();
        assertThat(upper).as("days axis").isGreaterThanOrEqualTo(144 / 24.0).isLessThan(144 / 24.0 * 1.1);
        assertThat(plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).hasSize(2);
    }

    @Test
    void timelineAxisFitsThePhasesWhenNothingWasReported() {
        JFreeChart chart = ReportCharts.incidentTimeline(incident(0, 30), List.of());
        assertThat(chart.getXYPlot().getRangeAxis().getUpperBound()).isGreaterThanOrEqualTo(30).isLessThan(33);
        assertThat(chart.getXYPlot().getRangeAxis().getLowerBound()).isZero();
    }
}
