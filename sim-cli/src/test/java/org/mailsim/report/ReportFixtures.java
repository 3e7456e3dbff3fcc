package org.mailsim.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailsim.run.Incident;
import org.mailsim.run.Severity;
import org.mailsim.run.Metric;
import org.mailsim.run.ReplicationResult;
import org.mailsim.run.RunStatistics;

/** Hand-made runs whose statistics are known exactly, for the report tests. */
final class ReportFixtures {
    static final int REPLICATIONS = 200;
    static final double HORIZON = 5 * 8760;

    private ReportFixtures() {
    }

    /**
     * 200 replications: replication i has i % 5 disk failures; every 40th (0, 40, ..., 160: five of them) loses
     * data once through "double failure in rebuild" and has an incident; replication 80 loses a second time
     * through "latent error". Loss replications stop at hour 1000 + i; the rest run to the horizon.
     */
    static RunStatistics withLoss() {
        RunStatistics stats = new RunStatistics();
        for (int i = 0; i < REPLICATIONS; i++) {
            ReplicationResult.Builder b = new ReplicationResult.Builder();
            b.set(Metric.DISK_FAILURES, i % 5);
            if (i % 40 == 0) {
                b.lossEvent("double failure in rebuild");
                if (i == 80) {
                    b.lossEvent("latent error, \"quoted\"");
                }
                double start = 1000 + i;
                long users = 1000L * (i / 40 + 1);
                double restore = 60 + i;
                double full = 260 + i;
                b.set(Metric.MAILS_LOST, 500 + i)
                        .set(Metric.USERS_WITH_LOSS, 10)
                        .set(Metric.USER_HOURS_UNAVAILABLE, users * restore)
                        .set(Metric.TOTAL_COST, 1000 + i);
                b.incident(new Incident(i, "group-" + (i / 40), "double failure in rebuild", start,
                        List.of(new Incident.Phase("detection", start, start + 2),
                                new Incident.Phase("provision replacement storage", start + 2, start + restore),
                                new Incident.Phase("vendor recovery", start + 10, start + full - 40),
                                new Incident.Phase("merge", start + full - 40, start + full)),
                        users, 100.0 * i, 3, 500 + i, restore, full, Severity.ARRAY_LOSS));
                b.observedHours(start);
            } else {
                b.set(Metric.TOTAL_COST, 1000);
                b.observedHours(HORIZON);
            }
            stats.add(b.build());
        }
        return stats;
    }

    /** 100 replications with disk failures but no loss and no incident. */
    static RunStatistics noLoss() {
        RunStatistics stats = new RunStatistics();
        for (int i = 0; i < 100; i++) {
            stats.add(new ReplicationResult.Builder().set(Metric.DISK_FAILURES, i % 3).observedHours(HORIZON)
                    .set(Metric.TOTAL_COST, 500).build());
        }
        return stats;
    }

    static Map<String, Double> cost() {
        Map<String, Double> cost = new LinkedHashMap<>();
        cost.put("disks", 12_000.0);
        cost.put("power", 3_400.5);
        cost.put("vendor recovery", 2_500.0);
        return cost;
    }

    static RunReport report(RunStatistics stats) {
        return RunReport.builder("portal-baseline", stats).seed(42).threads(2).horizonHours(HORIZON)
                .version("test").scenarioYaml("name: portal-baseline\nseed: 42\n# <script>alert(1)</script>\n")
                .command("mailsim run scenarios/portal-baseline.yaml --seed 42 --replications 200")
                .cost(cost()).wallClockSeconds(1.5)
                .reportedTimeline(List.of(new Milestone("service restored", 72, "hoursToRestoreService"),
                        new Milestone("full recovery", 264, "merge"),
                        new Milestone("press release", 30, null)))
                .build();
    }
}
