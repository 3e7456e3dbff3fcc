package org.mailsim.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV quoting as RFC 4180 and the hand-written writers before it: quotes only where a cell needs them. */
class CsvTest {
    @Test
    void quotesOnlyCellsWithACommaAQuoteOrALineBreak() {
        String csv = Csv.write(List.of(
                List.of("name", "value"),
                List.of("raid 6, hot spares", "say \"hi\""),
                List.of("two\nlines", "x"),
                List.of("", " leading space"),
                List.of("#hash", "-1.5E-5"),
                List.of("vendor recovery 103.1-156.28; merge 156.28-200", "NaN")));
        assertThat(csv).isEqualTo("name,value\n"
                + "\"raid 6, hot spares\",\"say \"\"hi\"\"\"\n"
                + "\"two\nlines\",x\n"
                + ", leading space\n"
                + "#hash,-1.5E-5\n"
                + "vendor recovery 103.1-156.28; merge 156.28-200,NaN\n");
    }

    @Test
    void numbersAreShortestExactDecimalsAndEmptyWhenNotFinite() {
        assertThat(Csv.number(3)).isEqualTo("3");
        assertThat(Csv.number(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(Csv.number(1e20)).isEqualTo("1.0E20");
        assertThat(Csv.number(Double.NaN)).isEmpty();
        assertThat(Csv.number(Double.POSITIVE_INFINITY)).isEmpty();
    }

    @Test
    void readsRowsWithTheLineEachStartsOn() throws java.io.IOException {
        List<Csv.Row> rows = Csv.read("\uFEFFmodel,failed\nA,1\n\n\"B, \"\"big\"\"\",2\n\"two\nlines\",3\nC,4\n");
        assertThat(rows).extracting(Csv.Row::line).containsExactly(1L, 2L, 4L, 5L, 7L);
        assertThat(rows.get(0).cells()).containsExactly("model", "failed");
        assertThat(rows.get(2).cells()).containsExactly("B, \"big\"", "2");
        assertThat(rows.get(3).cells()).containsExactly("two\nlines", "3");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Csv.read("a,b\n1,2\n\"open,3\n"))
                .isInstanceOf(Csv.MalformedCsvException.class);
    }
}
