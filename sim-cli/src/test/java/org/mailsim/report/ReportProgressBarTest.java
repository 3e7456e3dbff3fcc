package org.mailsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mailsim.cli.ProgressBar;
import org.mailsim.run.ReplicationRunner;

/** The progress bar of {@code mailsim run} (in org.mailsim.cli; named here so the Report* test set runs it). */
class ReportProgressBarTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void aRunShorterThanASecondPrintsNothing() {
        ProgressBar bar = new ProgressBar(err, nanos::get);
        for (int i = 1; i <= 100; i++) {
            nanos.addAndGet(9_000_000);
            bar.completed(i, 100);
        }
        assertThat(bytes.size()).isZero();
    }

    @Test
    void showsPercentAndEtaAfterASecondAndErasesItselfAtTheEnd() {
        ProgressBar bar = new ProgressBar(err, nanos::get);
        nanos.set(2_000_000_000L);
        bar.completed(25, 100);
        String shown = bytes.toString(StandardCharsets.UTF_8);
        // 25 done in 2 s: 75 left at the same pace take 6 s.
        assertThat(shown).startsWith("\r[").contains(" 25%").contains("25/100").contains("ETA 0:06");
        nanos.set(2_100_000_000L);
        bar.completed(26, 100);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).as("no redraw within 200 ms").isEqualTo(shown);
        nanos.set(8_000_000_000L);
        bar.completed(100, 100);
        String all = bytes.toString(StandardCharsets.UTF_8);
        assertThat(all).endsWith("\r");
        String lastLine = all.substring(all.lastIndexOf('\r', all.length() - 2) + 1, all.length() - 1);
        assertThat(lastLine).isBlank();
    }

    @Test
    void etaClock() {
        ProgressBar bar = new ProgressBar(err, nanos::get);
        nanos.set(3_600_000_000_000L);
        bar.completed(1, 3);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains(" 33%").contains("ETA 2:00:00");
    }

    @Test
    void oneLongReplicationMovesTheBarByItsSimulatedTimeAndTellsItsEvents() {
        ProgressBar bar = new ProgressBar(err, nanos::get);
        assertThat(bar.followsReplications()).isTrue();
        nanos.set(500_000_000L);
        bar.running(0, 1, 0.1, 65_536);
        assertThat(bytes.size()).as("nothing in the first second").isZero();
        nanos.set(4_000_000_000L);
        bar.running(0, 1, 0.25, 81_264_640L);
        String shown = bytes.toString(StandardCharsets.UTF_8);
        // A quarter of the horizon in 4 s: 12 s left at the same pace.
        assertThat(shown).startsWith("\r[=======>").contains(" 25%", "0/1", "ETA 0:12",
                "replication 1: 81.3M events");
        nanos.set(4_100_000_000L);
        bar.running(0, 1, 0.3, 90_000_000L);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).as("no redraw within 200 ms").isEqualTo(shown);
        nanos.set(4_300_000_000L);
        bar.running(0, 1, 0.5, 1_999_000_000L);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("replication 1: 2.00G events");
        nanos.set(8_000_000_000L);
        bar.completed(1, 1);
        String all = bytes.toString(StandardCharsets.UTF_8);
        assertThat(all).endsWith("\r");
        assertThat(all.substring(all.lastIndexOf('\r', all.length() - 2) + 1, all.length() - 1)).isBlank();
    }

    @Test
    void replicationsUnderWayOnSeveralThreadsAddUpAndNameTheNextOneDue() {
        ProgressBar bar = new ProgressBar(err, nanos::get);
        nanos.set(1_500_000_000L);
        bar.completed(2, 10);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains(" 20%", "2/10");
        nanos.set(2_000_000_000L);
        bar.running(3, 10, 0.5, 1_000);
        bar.running(1, 10, 0.9, 5_000); // merged already: ignored
        nanos.set(2_500_000_000L);
        bar.running(2, 10, 0.5, 950);
        String shown = bytes.toString(StandardCharsets.UTF_8);
        // 2 done and two halves under way: 30%.
        assertThat(shown.substring(shown.lastIndexOf('\r'))).contains(" 30%", "2/10", "replication 3: 950 events");
        nanos.set(3_000_000_000L);
        bar.completed(3, 10);
        shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown.substring(shown.lastIndexOf('\r'))).contains(" 35%", "3/10", "replication 4: 1.00k events");
    }

    @Test
    void aRunThatFailsErasesTheBarBeforeTheErrorIsTold() {
        ProgressBar bar = new ProgressBar(err, nanos::get);
        nanos.set(2_000_000_000L);
        bar.running(0, 1, 0.4, 123_456);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains(" 40%", "123k events");
        bar.abandoned();
        String all = bytes.toString(StandardCharsets.UTF_8);
        assertThat(all).endsWith("\r");
        assertThat(all.substring(all.lastIndexOf('\r', all.length() - 2) + 1, all.length() - 1)).isBlank();
    }

    @Test
    void quietOrRedirectedGivesNoBar() {
        assertThat(ProgressBar.forTerminal(true)).isSameAs(ReplicationRunner.Progress.NONE);
        // Under the test runner stderr is not a terminal.
        assertThat(ProgressBar.forTerminal(false)).isSameAs(ReplicationRunner.Progress.NONE);
    }
}
