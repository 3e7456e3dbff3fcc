package org.mailsim.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Event-trace fits on OLCF disk-failure data (Alpine: DOI 10.13139/OLCF/2441482; Campaign: DOI
 * 10.13139/OLCF/2446874) and on hand-made traces.
 */
class FitEventsTest {

    static EventTrace trace(String resource, Map<String, String> where) throws IOException {
        try (Reader in = new InputStreamReader(FitEventsTest.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            return EventTraceReader.read(resource, in, EventTraceReader.DEFAULT_COLUMN, where);
        }
    }

    @Test
    void alpineIsBurstyWeibull() throws IOException {
        EventTrace alpine = trace("olcf-alpine-disk-failures-2019-2023.csv", Map.of());
        assertThat(alpine.events()).isEqualTo(3766);
        EventFit fit = EventFits.fit(alpine, EventFits.DEFAULT_BURST_WINDOW_HOURS);
        assertThat(fit.zeroGaps()).isEqualTo(36);
        // Known answer from an independent implementation (scipy.optimize Nelder-Mead on the same censored
        // likelihood: positive gaps exact, zero gaps left-censored at 1 s): shape 0.539801, scale 6.779547 h,
        // ln L = -11628.0128.
        assertThat(fit.weibull().shape().estimate()).isCloseTo(0.539801, offset(2e-6));
        assertThat(fit.weibull().scale().estimate()).isCloseTo(6.779547, offset(2e-5));
        assertThat(fit.weibull().goodness().logLikelihood()).isCloseTo(-11628.0128, offset(1e-3));
        // The published finding: shape about 0.5, far from exponential.
        assertThat(fit.weibull().shape().ci95High()).isLessThan(0.6);
        assertThat(fit.preferred()).isEqualTo("weibull");
        assertThat(fit.weibull().goodness().ksStatistic()).isLessThan(fit.exponential().goodness().ksStatistic());
        // Bursts: 11.1% of failures follow another within 10 minutes; 18.3% are in a burst (the "19%" of the
        // data README counts both ends of a burst).
        assertThat(fit.bursts().followers()).isEqualTo(417);
        assertThat(fit.bursts().inBursts()).isEqualTo(690);
        assertThat(fit.bursts().bursts()).isEqualTo(273);
    }

    @Test
    void selectsRowsByColumnValue() throws IOException {
        EventTrace replacements = trace("olcf-campaign-disk-events-2021-2023.csv", Map.of("Action", "replacement"));
        EventTrace all = trace("olcf-campaign-disk-events-2021-2023.csv", Map.of());
        assertThat(all.events()).isEqualTo(1389);
        assertThat(replacements.events()).isEqualTo(247);
        // Stamps without offset are read as UTC; the first Campaign stamp is 2021-05-04T17:03:13.
        assertThat(all.first()).hasToString("2021-05-04T17:03:13Z");
    }

    @Test
    void burstsOfAHandMadeTrace() {
        // Minutes: 0, 5, 9 (a burst of 3), 60, 200, 204 (a burst of 2), 1000.
        double[] hours = {0, 5 / 60.0, 9 / 60.0, 1, 200 / 60.0, 204 / 60.0, 1000 / 60.0};
        Bursts b = Bursts.of(hours, 10 / 60.0);
        assertThat(b.followers()).isEqualTo(3);
        assertThat(b.inBursts()).isEqualTo(5);
        assertThat(b.bursts()).isEqualTo(2);
        assertThat(b.largestBurst()).isEqualTo(3);
        assertThat(b.meanBurstSize()).isCloseTo(2.5, offset(1e-12));
        assertThat(b.followerFraction().estimate()).isCloseTo(3 / 7.0, offset(1e-12));
        assertThat(b.inBurstFraction().estimate()).isCloseTo(5 / 7.0, offset(1e-12));
    }

    @Test
    void parsesOffsetsInEverySpellingAndSorts() throws IOException {
        EventTrace t = EventTraceReader.read("t.csv", new StringReader(
                "Timestamp,x\n2020-01-01T03:00:00-0500,a\n2020-01-01T06:00:00Z,b\n2020-01-01T09:00:00+02:00,c\n"
                        + "2020-01-01 05:30:00,d\n"), "timestamp", Map.of());
        // In UTC: 08:00, 06:00, 07:00, 05:30 -> sorted 05:30, 06:00, 07:00, 08:00.
        assertThat(t.timesHours()).containsExactly(0, 0.5, 1.5, 2.5);
        assertThat(t.resolutionHours()).isCloseTo(1 / 3600.0, offset(1e-15));
    }

    @Test
    void badInputNamesFileLineAndColumn() {
        assertThatThrownBy(() -> EventTraceReader.read("e.csv", new StringReader(
                "id,Timestamp\n1,2020-01-01T00:00:00\n2,yesterday\n"), "Timestamp", Map.of()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("e.csv:3: column 'Timestamp': expected an ISO-8601 timestamp such as "
                        + "2019-01-04T14:41:12-0500, got 'yesterday'");
        assertThatThrownBy(() -> EventTraceReader.read("e.csv", new StringReader("id,when\n1,2020-01-01T00:00:00\n"),
                "Timestamp", Map.of()))
                .hasMessageStartingWith("e.csv:1: missing column 'Timestamp'");
        assertThatThrownBy(() -> EventTraceReader.read("e.csv", new StringReader(
                "Timestamp,Action\n2020-01-01T00:00:00,cycle\n2020-01-02T00:00:00,cycle\n"), "Timestamp",
                Map.of("Action", "replacement")))
                .hasMessageContaining("0 event(s) match {Action=replacement}");
    }

    @Test
    void formatsDurationsForScenarios() {
        assertThat(FitYaml.hours(338_360.16)).isEqualTo("3.38e5h");
        assertThat(FitYaml.hours(880_000)).isEqualTo("8.8e5h");
        assertThat(FitYaml.hours(6.7795)).isEqualTo("6.78h");
        assertThat(FitYaml.hours(0.0012)).isEqualTo("1.2e-3h");
        assertThat(FitYaml.hours(99_999)).isEqualTo("1e5h");
        assertThat(FitYaml.number(0.539801)).isEqualTo("0.54");
        assertThat(FitYaml.block("lifetime", org.mailsim.random.Distributions.weibull(1.1, 1.2e6)))
                .isEqualTo("lifetime: {distribution: weibull, shape: 1.1, scale: 1.2e6h}");
    }
}
