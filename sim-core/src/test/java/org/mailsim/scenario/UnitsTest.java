package org.mailsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void durationsInHours() {
        assertThat(Units.duration("30m")).isEqualTo(0.5);
        assertThat(Units.duration("12h")).isEqualTo(12);
        assertThat(Units.duration("5d")).isEqualTo(120);
        assertThat(Units.duration("2w")).isEqualTo(336);
        assertThat(Units.duration("10y")).isEqualTo(87_600); // 1y = 365d
        assertThat(Units.duration("90s")).isEqualTo(0.025, within(1e-15));
        assertThat(Units.duration("461_386h")).isEqualTo(461_386);
        assertThat(Units.duration("1.5e3 h")).isEqualTo(1500);
        assertThat(Units.duration("0")).isZero();
    }

    @Test
    void sizesDecimalAndBinary() {
        assertThat(Units.size("4TB")).isEqualTo(4e12);
        assertThat(Units.size("4TiB")).isEqualTo(4 * Math.pow(2, 40));
        assertThat(Units.size("1kB")).isEqualTo(1000);
        assertThat(Units.size("1KiB")).isEqualTo(1024);
        assertThat(Units.size("20 MB")).isEqualTo(20e6);
        assertThat(Units.size("3MiB")).isEqualTo(3 * 1048576.0);
        assertThat(Units.size("2GB")).isEqualTo(2e9);
        assertThat(Units.size("2GiB")).isEqualTo(2 * Math.pow(2, 30));
        assertThat(Units.size("1PB")).isEqualTo(1e15);
        assertThat(Units.size("512B")).isEqualTo(512);
    }

    @Test
    void bandwidthFileRateAndRate() {
        assertThat(Units.bandwidth("50MB/s")).isEqualTo(50e6);
        assertThat(Units.bandwidth("1GiB/s")).isEqualTo(Math.pow(2, 30));
        assertThat(Units.bandwidth("360GB/h")).isCloseTo(1e8, within(1e-6));
        assertThat(Units.fileRate("2000 files/s")).isEqualTo(2000);
        assertThat(Units.fileRate("7200 files/h")).isEqualTo(2);
        assertThat(Units.rate("1.08e-4/h")).isEqualTo(1.08e-4);
        assertThat(Units.rate("48/d")).isEqualTo(2);
        assertThat(Units.rate("8760/y")).isEqualTo(1, within(1e-12));
    }

    @Test
    void wrongKindIsNamed() {
        assertThatThrownBy(() -> Units.duration("4TB")).hasMessageContaining("'4TB' is a size, not a duration")
                .hasMessageContaining("30m, 12h");
        assertThatThrownBy(() -> Units.size("12h")).hasMessageContaining("is a duration, not a size");
        assertThatThrownBy(() -> Units.bandwidth("50MB")).hasMessageContaining("is a size, not a bandwidth");
        assertThatThrownBy(() -> Units.fileRate("50MB/s")).hasMessageContaining("is a bandwidth, not a file rate");
        assertThatThrownBy(() -> Units.rate("2000 files/s")).hasMessageContaining("is a file rate");
    }

    @Test
    void missingOrUnknownUnitsAndNonNumbersAreRefused() {
        assertThatThrownBy(() -> Units.duration("12")).hasMessageContaining("has no unit");
        assertThatThrownBy(() -> Units.duration("12 months")).hasMessageContaining("unknown unit 'months'");
        assertThatThrownBy(() -> Units.size("4Tb")).hasMessageContaining("unknown unit 'Tb'");
        assertThatThrownBy(() -> Units.size("lots")).hasMessageContaining("not a number with a unit");
        assertThatThrownBy(() -> Units.duration("1e400y")).hasMessageContaining("too large");
        assertThatThrownBy(() -> Units.duration("1,5h")).isInstanceOf(Units.UnitException.class);
    }
}
