package org.mailsim.report.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.mailsim.sweep.Target;
import org.junit.jupiter.api.Test;

class SweepHtmlTest {
    @Test
    void aTargetReadsInWordsWithItsKeyBeside() {
        Target target = Target.parse(List.of("expectedMailsLostPerYear <= 120000 and userHoursUnavailable.p95 < 5e6"));
        assertThat(SweepHtml.inWords(target)).isEqualTo(
                "expected mails lost per year \u2264 120,000 (expectedMailsLostPerYear <= 120000.0) and "
                        + "user-hours without mailbox access (p95) < 5,000,000 (userHoursUnavailable.p95 < 5000000.0)");
    }
}
