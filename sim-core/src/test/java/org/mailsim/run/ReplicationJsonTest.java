package org.mailsim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReplicationJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static String line(ReplicationResult result) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = ReplicationJson.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            ReplicationJson.writeFields(g, result);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static ReplicationResult parse(String line) {
        try {
            return ReplicationJson.read(MAPPER.readTree(line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Doubles a decimal round trip gets wrong when done carelessly: 17 digits, subnormals, signed zero, NaN. */
    private static final double[] AWKWARD = {0.1 + 0.2, 1.0 / 3, 2.0e23, 1.0e23, Double.MIN_VALUE, Double.MIN_NORMAL,
        Double.MAX_VALUE, -0.0, 4.9e-322, 123456789.00000001, Math.PI * 1e17, Math.ulp(1.0), Double.NaN,
        Double.POSITIVE_INFINITY};

    private static ReplicationResult awkwardResult() {
        ReplicationResult.Builder b = new ReplicationResult.Builder();
        for (Metric metric : Metric.values()) {
            b.set(metric, AWKWARD[metric.ordinal() % AWKWARD.length]);
        }
        b.lossEvent("whole-array").lossEvent("whole-array").lossEvent("latent sector \"error\"");
        b.observedHours(Math.E * 1000);
        b.incident(new Incident(7, "group-3", "whole-array", 1234.5678901234567,
                List.of(new Incident.Phase("detection", 1234.5678901234567, 1235.1),
                        new Incident.Phase("vendor recovery", 1300.0 / 7, Double.POSITIVE_INFINITY)),
                25_000, 1.0 / 3, 2.0 / 3, 309_922.00000000006, 49.7, Double.NaN, Severity.ARRAY_LOSS));
        b.incident(new Incident(7, "group-12", "ure-during-rebuild", 4.9e-324, List.of(), 0, 0, -0.0, 0, 0, 0,
                Severity.SECTOR_LOSS));
        return b.build();
    }

    @Test
    void resultWithIncidentsRoundTripsBitForBit() {
        ReplicationResult result = awkwardResult();
        ReplicationResult back = parse(line(result));
        // ReplicationResult and Incident compare doubles by their bits (Arrays.equals, Double.compare): -0.0 is not 0.0.
        assertThat(back).isEqualTo(result);
        assertThat(back.incidents()).isEqualTo(result.incidents());
        assertThat(back.lossByCause()).isEqualTo(Map.of("whole-array", 2L, "latent sector \"error\"", 1L));
        assertThat(back.lostData()).isTrue();
        assertThat(Double.doubleToRawLongBits(back.incidents().get(1).mailsBounced()))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        // Written again, the same bytes: a part read and rewritten does not drift.
        assertThat(line(back)).isEqualTo(line(result));
    }

    @Test
    void nonFiniteNumbersAreStringsSoTheLineIsValidJson() {
        String text = line(awkwardResult());
        assertThat(text).contains("\"NaN\"", "\"Infinity\"").doesNotContain(":NaN", ":Infinity");
        assertThat(parse(text).incidents().get(0).hoursToFullRecovery()).isNaN();
    }

    @Test
    void doublesAreWrittenShortestAndReadBackExactly() {
        // Java 17's Double.toString prints 2.0E23 as 1.9999999999999998E23; the Schubfach writer prints the shortest.
        ReplicationResult.Builder b = new ReplicationResult.Builder().observedHours(2.0e23);
        assertThat(line(b.build())).contains("\"observedHours\":2.0E23");
        b.observedHours(1.0e23);
        assertThat(line(b.build())).contains("\"observedHours\":1.0E23");

        SplittableRandom random = new SplittableRandom(20_261_124);
        for (int i = 0; i < 20_000; i++) {
            double[] metrics = new double[Metric.values().length];
            for (int m = 0; m < metrics.length; m++) {
                // Random bit patterns cover every exponent; half the draws are ordinary magnitudes.
                double d = random.nextBoolean() ? Double.longBitsToDouble(random.nextLong())
                        : random.nextDouble() * Math.pow(10, random.nextInt(-5, 12));
                metrics[m] = Double.isNaN(d) ? 0.5 : d;
            }
            ReplicationResult result = new ReplicationResult(metrics, Map.of(), false, random.nextDouble() * 87_600,
                    List.of());
            String text = line(result);
            ReplicationResult back = parse(text);
            for (Metric m : Metric.values()) {
                assertThat(Double.doubleToRawLongBits(back.metric(m))).as("%s in %s", m, text)
                        .isEqualTo(Double.doubleToRawLongBits(result.metric(m)));
                // Shortest: never longer than Java 17's round-trip representation.
                if (Double.isFinite(result.metric(m))) {
                    String written = numberText(text, m.key());
                    assertThat(written.length()).as(written).isLessThanOrEqualTo(
                            Double.toString(result.metric(m)).length());
                }
            }
            assertThat(back.observedHours()).isEqualTo(result.observedHours());
        }
    }

    private static String numberText(String line, String key) {
        int start = line.indexOf("\"" + key + "\":") + key.length() + 3;
        int end = start;
        while (end < line.length() && line.charAt(end) != ',' && line.charAt(end) != '}') {
            end++;
        }
        return line.substring(start, end);
    }

    @Test
    void malformedFieldsAreNamed() throws IOException {
        String good = line(awkwardResult());
        JsonNode missing = MAPPER.readTree(good.replace("\"usersWithLoss\"", "\"usersWithLost\""));
        assertThatThrownBy(() -> ReplicationJson.read(missing)).hasMessageContaining("metrics.usersWithLoss: missing");
        JsonNode text = MAPPER.readTree(good.replace("\"observedHours\":", "\"observedHours\":\"many\",\"x\":"));
        assertThatThrownBy(() -> ReplicationJson.read(text)).hasMessageContaining("observedHours: expected a number");
        JsonNode phase = MAPPER.readTree(good.replace("\"name\":\"detection\",", ""));
        assertThatThrownBy(() -> ReplicationJson.read(phase))
                .hasMessageContaining("incidents[0].phases[0].name: missing");
        JsonNode extra = MAPPER.readTree(good.replace("\"metrics\":{", "\"metrics\":{\"diskExplosions\":1,"));
        assertThatThrownBy(() -> ReplicationJson.read(extra))
                .hasMessageContaining("metrics.diskExplosions: not a metric");
    }
}
