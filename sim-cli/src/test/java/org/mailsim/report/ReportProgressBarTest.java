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
    void quietOrRedirectedGivesNoBar() {
        assertThat(ProgressBar.forTerminal(true)).isSameAs(ReplicationRunner.Progress.NONE);
        // Under the test runner stderr is not a terminal.
        assertThat(ProgressBar.forTerminal(false)).isSameAs(ReplicationRunner.Progress.NONE);
    }
}
