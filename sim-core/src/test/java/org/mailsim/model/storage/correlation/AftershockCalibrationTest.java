package org.mailsim.model.storage.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The aftershock calibration counted again from the OLCF Alpine log (the extract in test resources holds the failures
 * within 10 minutes of another anywhere; docs/calibration.md gives the source and method): the share of failures
 * paired within 10 minutes in each unit, and the per-array default derived from the enclosure's.
 */
class AftershockCalibrationTest {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private record Failure(long seconds, String ssc, String ssu, int enclosure, int slot) {
    }

    private static int total;

    private static List<Failure> extract() throws IOException {
        List<Failure> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                AftershockCalibrationTest.class.getResourceAsStream("/olcf/alpine-bursts.csv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("# total: ")) {
                    total = Integer.parseInt(line.substring(9).trim());
                }
                if (line.startsWith("#") || line.startsWith("timestamp")) {
                    continue;
                }
                String[] f = line.split(",");
                out.add(new Failure(OffsetDateTime.parse(f[0], TIME).toEpochSecond(), f[1], f[2],
                        Integer.parseInt(f[3]), Integer.parseInt(f[4])));
            }
        }
        return out;
    }

    /** Failures with another in the same unit ({@code unit} names it) within 600 s before or after. */
    private static int paired(List<Failure> failures, Function<Failure, Object> unit) {
        Map<Object, List<Long>> byUnit = new HashMap<>();
        for (Failure f : failures) {
            byUnit.computeIfAbsent(unit.apply(f), k -> new ArrayList<>()).add(f.seconds());
        }
        int n = 0;
        for (List<Long> times : byUnit.values()) {
            long[] t = times.stream().mapToLong(Long::longValue).sorted().toArray();
            for (int i = 0; i < t.length; i++) {
                if ((i > 0 && t[i] - t[i - 1] <= 600) || (i + 1 < t.length && t[i + 1] - t[i] <= 600)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void theAlpineLogCountedPerUnit() throws IOException {
        List<Failure> failures = extract();
        assertThat(total).isEqualTo(AftershockSpec.OLCF_ALPINE_FAILURES);
        // The extract is exactly the failures paired anywhere: each has a partner within 10 minutes in it.
        assertThat(paired(failures, f -> "all")).isEqualTo(failures.size()).isEqualTo(690);
        int ssc = paired(failures, f -> f.ssc());
        int ssu = paired(failures, f -> Arrays.asList(f.ssc(), f.ssu()));
        int enclosure = paired(failures, f -> Arrays.asList(f.ssc(), f.ssu(), f.enclosure()));
        int band = paired(failures, f -> Arrays.asList(f.ssc(), f.ssu(), f.enclosure(), (f.slot() - 1) / 10));
        int slot = paired(failures, f -> Arrays.asList(f.ssc(), f.ssu(), f.enclosure(), f.slot()));
        System.out.printf("Alpine failures paired within 10 minutes of %d: anywhere 690, SSC %d, SSU %d, enclosure %d,"
                + " 10-slot band %d, slot %d%n", total, ssc, ssu, enclosure, band, slot);
        assertThat(ssc).isEqualTo(231);
        assertThat(ssu).isEqualTo(AftershockSpec.OLCF_ALPINE_SSU_PAIRED);
        assertThat(enclosure).isEqualTo(AftershockSpec.OLCF_ALPINE_ENCLOSURE_PAIRED);
        assertThat(band).isEqualTo(AftershockSpec.OLCF_ALPINE_SLOT_BAND_PAIRED);
        assertThat(slot).isZero();
        assertThat(failures).allSatisfy(f -> {
            assertThat(f.enclosure()).isBetween(1, 4);
            assertThat(f.slot()).isBetween(1, AftershockSpec.OLCF_ALPINE_ENCLOSURE_DISKS);
        });
    }

    @Test
    void thePerArrayDefaultComesFromTheEnclosureShare() {
        AftershockSpec a = AftershockSpec.OLCF_ALPINE;
        int unit = AftershockSpec.OLCF_ALPINE_ENCLOSURE_DISKS;
        // Spread over the enclosure, it gives back the counted share: b = 2p / (1 + p).
        double p = a.followOnProbability(unit - 1);
        assertThat(2 * p / (1 + p)).isCloseTo(74.0 / 3766, Offset.offset(1e-12));
        assertThat(a.windowHours()).isEqualTo(1.0 / 6);
        assertThat(a.extraHazardPerHour()).isCloseTo(5.698e-4, Offset.offset(1e-7));
        // In an array of 10: 0.085% per failure. The slot band, counted directly, says 0.106% (8 failures: a
        // Poisson 95% interval of 3.5 to 15.8, i.e. 0.046% to 0.21%), which contains it.
        double perArray = a.followOnProbability(9);
        assertThat(perArray).isCloseTo(8.54e-4, Offset.offset(1e-6));
        double bandLow = 3.4538 / 3766 / (2 - 3.4538 / 3766);
        double bandHigh = 15.7632 / 3766 / (2 - 15.7632 / 3766);
        assertThat(perArray).isBetween(bandLow, bandHigh);
        // The storage unit's 3.9% read as an array's, the old calibration, is 23 times as many follow-ons.
        AftershockSpec old = AftershockSpec.calibrated(146.0 / 3766, AftershockSpec.TEN_MINUTES, 10);
        assertThat(old.followOnProbability(9) / perArray).isBetween(22.0, 24.0);
    }
}
