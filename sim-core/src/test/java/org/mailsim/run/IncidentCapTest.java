package org.mailsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Incidents are kept by severity, not by order: thousands of sector losses never crowd out an array loss. */
class IncidentCapTest {
    private static Incident incident(int replication, double start, Severity severity, long users, double full) {
        return new Incident(replication, "group-" + replication, severity.key(), start, List.of(), users, 0, 0, 1,
                severity == Severity.SECTOR_LOSS ? 0 : 5, full, severity);
    }

    @Test
    void everyArrayLossAndOutageIsKeptAmongThousandsOfSectorLosses() {
        RunStatistics stats = new RunStatistics();
        int sectors = 0;
        for (int r = 0; r < 50; r++) {
            ReplicationResult.Builder b = new ReplicationResult.Builder();
            for (int k = 0; k < 100; k++) {
                b.incident(incident(r, k, Severity.SECTOR_LOSS, 1, 2));
                sectors++;
            }
            if (r % 10 == 3) {
                b.incident(incident(r, 500, Severity.ARRAY_LOSS, 25_000, 200 + r));
            }
            if (r % 25 == 7) {
                b.incident(incident(r, 600, Severity.OUTAGE, 50_000, 3));
            }
            stats.add(b.build());
        }
        List<Incident> kept = stats.incidents();
        assertThat(kept).hasSize(RunStatistics.INCIDENTS_KEPT);
        assertThat(kept).filteredOn(i -> i.severity() == Severity.ARRAY_LOSS).hasSize(5)
                .extracting(Incident::replication).containsExactly(3, 13, 23, 33, 43);
        assertThat(kept).filteredOn(i -> i.severity() == Severity.OUTAGE).hasSize(2);
        assertThat(stats.incidentCount()).isEqualTo(sectors + 7);
        assertThat(stats.incidentsBySeverity().get(Severity.SECTOR_LOSS)).isEqualTo(sectors);
        assertThat(stats.incidentsNotKept().get(Severity.SECTOR_LOSS)).isEqualTo(sectors - (200 - 7));
        assertThat(stats.incidentsNotKept().get(Severity.ARRAY_LOSS)).isZero();
        // Kept in the order they came, so a replay's timeline reads forwards.
        for (int i = 1; i < kept.size(); i++) {
            Incident a = kept.get(i - 1);
            Incident b = kept.get(i);
            assertThat(a.replication() < b.replication()
                    || a.replication() == b.replication() && a.startHours() <= b.startHours()).isTrue();
        }
    }

    @Test
    void amongArrayLossesTheOnesHittingMoreUsersForLongerAreKept() {
        RunStatistics stats = new RunStatistics();
        for (int r = 0; r < RunStatistics.INCIDENTS_KEPT + 10; r++) {
            ReplicationResult.Builder b = new ReplicationResult.Builder();
            long users = r < 10 ? 10 : 1_000; // the first ten hit few users
            b.incident(incident(r, 1, Severity.ARRAY_LOSS, users, 100));
            stats.add(b.build());
        }
        assertThat(stats.incidents()).extracting(Incident::usersAffected).containsOnly(1_000L);
        assertThat(stats.incidentsNotKept().get(Severity.ARRAY_LOSS)).isEqualTo(10);
    }
}
