package org.mailsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsim.random.Distributions;

class ScenarioTest {
    static final String BASE = """
            name: portal
            storage:
              groups: 4
              raid: {level: raid6, width: 8}
              disk:
                capacity: 4TB
                lifetime: {distribution: weibull, shape: 1.2, scale: 461386h}
                latentErrors:
                  rate: 1.08e-4/h
                  scrub: {interval: 2w, distribution: exponential}
              rebuild:
                time: {distribution: weibull, shape: 2, scale: 12h, location: 6h}
            """;

    private static List<Problem> problems(String yaml, String... sets) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> Scenario.parse(yaml, "s.yaml", Path.of("."), List.of(sets)));
        assertThat(e).as("expected the scenario to be refused").isNotNull();
        return e.problems();
    }

    private static Problem only(String yaml, String... sets) {
        List<Problem> p = problems(yaml, sets);
        assertThat(p).as(p.toString()).hasSize(1);
        return p.get(0);
    }

    @Test
    void typedAccessInBaseUnitsWithDefaults() {
        Scenario s = Scenario.parse(BASE);
        assertThat(s.name()).isEqualTo("portal");
        assertThat(s.seed()).isEqualTo(1);
        assertThat(s.replications()).isEqualTo(1000);
        assertThat(s.horizonHours()).isEqualTo(87_600);
        assertThat(s.runsToFirstDataLoss()).isFalse();
        assertThat(s.intValue("storage.groups")).isEqualTo(4);
        assertThat(s.string("storage.raid.level")).isEqualTo("raid6");
        assertThat(s.size("storage.disk.capacity")).isEqualTo(4e12);
        assertThat(s.distribution("storage.disk.lifetime")).isEqualTo(Distributions.weibull(1.2, 461_386));
        assertThat(s.distribution("storage.rebuild.time")).isEqualTo(Distributions.weibull(2, 12, 6));
        assertThat(s.section("storage.disk.latentErrors").rate("rate")).isEqualTo(1.08e-4);
        assertThat(s.duration("storage.disk.latentErrors.scrub.interval")).isEqualTo(336);
        assertThat(s.number("storage.disk.ure")).isEqualTo(1e-15);
        assertThat(s.is("storage.repairCrews", "unlimited")).isTrue();
        assertThat(s.isSet("storage.disk.ure")).isFalse();
        assertThat(s.has("storage.rebuild.time")).isTrue();
        assertThat(s.where("storage.disk.capacity")).isEqualTo(new Location("(text)", 6, 15));
        assertThat(s.items("faults")).isEmpty();
        assertThatThrownBy(() -> s.duration("storage.disk.capacity")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.size("storage.nosuch")).hasMessageContaining("no scenario key");
    }

    @Test
    void firstDataLossHorizonAndUnlimitedWords() {
        Scenario s = Scenario.parse(BASE + "horizon: first-data-loss\nmaxHorizon: 1000y\n",
                "s.yaml", Path.of("."), List.of("storage.repairCrews=1"));
        assertThat(s.runsToFirstDataLoss()).isTrue();
        assertThat(s.horizonHours()).isEqualTo(8_760_000);
        assertThat(s.integer("storage.repairCrews")).isEqualTo(1);
    }

    @Test
    void allProblemsAtOnceWithFileLineColumnAndKey() {
        List<Problem> p = problems("""
                name: portal
                seeed: 3
                storage:
                  groups: 0
                  raid: {level: raid7, width: 8}
                  disk:
                    capacity: 12h
                    lifetime: {distribution: weibull, shape: 1.2}
                horizon: 4TB
                """);
        assertThat(p).extracting(Problem::format).containsExactly(
                "s.yaml:2:1: seeed: unknown key 'seeed'; did you mean 'seed'?",
                "s.yaml:4:11: storage.groups: '0' is below the minimum 1; accepted: a whole number, 1 .. 10000000",
                "s.yaml:5:17: storage.raid.level: 'raid7' is not accepted (did you mean 'raid0'?); accepted: one of"
                        + " raid0, raid1, mirror, raid5, raid6, raid10, raid50, raid60, erasure",
                "s.yaml:7:15: storage.disk.capacity: '12h' is a duration, not a size; accepted: a size such as 4TB,"
                        + " 500GB, 4TiB (units B, kB, MB, GB, TB, PB, EB decimal; KiB, MiB, GiB, TiB, PiB, EiB"
                        + " binary)",
                "s.yaml:8:15: storage.disk.lifetime: weibull needs 'scale'; accepted: weibull with shape, scale,"
                        + " location",
                "s.yaml:9:10: horizon: '4TB' is a size, not a duration; accepted: a duration such as 30m, 12h, 5d,"
                        + " 2w, 10y (units s, m, h, d, w, y; 1y = 365d), or 'first-data-loss'");
    }

    @Test
    void keyInTheWrongSectionSuggestsItsFullPath() {
        Problem p = only(BASE + "  capacity: 4TB\n");
        assertThat(p.format()).isEqualTo("s.yaml:13:3: storage.capacity: unknown key 'capacity' here; did you mean"
                + " 'storage.disk.capacity'?");
    }

    @Test
    void missingRequiredKeyPointsAtItsSection() {
        Problem p = only(BASE.replace("raid: {level: raid6, width: 8}", "raid: {level: raid6}"));
        assertThat(p.keyPath()).isEqualTo("storage.raid.width");
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.message()).startsWith("missing required key");
    }

    @Test
    void inconsistentCombinations() {
        assertThat(only(BASE.replace("width: 8", "width: 3")).message()).contains("raid6 needs at least 4 disks");
        assertThat(only(BASE.replace("raid6, width: 8", "raid10, width: 7")).message()).contains("even number");
        assertThat(only(BASE.replace("raid6, width: 8", "erasure, width: 14, data: 10, parity: 3")).format())
                .startsWith("s.yaml:4:33: storage.raid.width: erasure data + parity = 13 but width is 14");
        assertThat(only(BASE.replace("raid6, width: 8", "raid50, width: 8, spans: 3")).message())
                .contains("raid50 with 3 spans");
        assertThat(only(BASE.replace("width: 8", "width: 8, spans: 2")).message())
                .contains("spans apply only to raid50 and raid60");
        Problem both = only(BASE + "  rebuild:\n    rate: 80MB/s\n".substring(0, 0) + "", "storage.rebuild.rate=80MB/s");
        assertThat(both.keyPath()).isEqualTo("storage.rebuild.time");
        assertThat(Scenario.parse(BASE).has("storage.rebuild.rate")).as("no default rate beside a time").isFalse();
        assertThat(both.message()).contains("are both given", "--set storage.rebuild.rate=80MB/s");
        assertThat(only(BASE.replace("scrub: {interval: 2w, distribution: exponential}",
                "scrub: {distribution: exponential}")).keyPath())
                .isEqualTo("storage.disk.latentErrors.scrub.distribution");
    }

    @Test
    void scriptedFaultsAreCheckedAgainstTheStorage() {
        List<Problem> p = problems(BASE + """
                horizon: 30d
                faults:
                  - {at: 40d, kind: disk-failure}
                  - {at: 1d, kind: disk-failure, group: 4, disks: 9}
                  - {at: 1d, kind: tier-outage}
                  - {at: 1d, kind: group-outage, tier: mta, duration: 2h}
                  - {at: 1d, kind: disk-falure}
                """);
        // faults[2]: no tier, no duration, and no users for a tier outage to affect.
        assertThat(p).extracting(Problem::keyPath).containsExactly("faults[0].at", "faults[1].group",
                "faults[1].disks", "faults[2].kind", "faults[2].kind", "faults[2].kind", "faults[3].tier",
                "faults[4].kind");
        assertThat(p).extracting(Problem::line).containsExactly(15, 16, 16, 17, 17, 17, 18, 19);
        assertThat(p.get(7).message()).contains("did you mean 'disk-failure'");
    }

    @Test
    void distributionBlocks() {
        Scenario s = Scenario.parse(BASE, "s.yaml", Path.of("."), List.of(
                "storage.rebuild.time=12h",
                "users.mailbox.messageSize={distribution: lognormal, median: 20kB, sigma: 1.5}",
                "tiers.webmail.lifetime={distribution: empirical, values: [1y, 2y, 3y]}"));
        assertThat(s.distribution("storage.rebuild.time")).isEqualTo(Distributions.deterministic(12));
        assertThat(s.distribution("users.mailbox.messageSize").inverseCdf(0.5)).isCloseTo(20_000,
                org.assertj.core.api.Assertions.within(1e-6));
        assertThat(s.distribution("tiers.webmail.lifetime").mean()).isEqualTo(2 * 8760);
        Problem p = only(BASE.replace("shape: 1.2, scale: 461386h", "shape: 1.2, scale: 461386h, mean: 5y"));
        assertThat(p.format()).isEqualTo("s.yaml:7:67: storage.disk.lifetime.mean: weibull has no parameter 'mean';"
                + " accepted: shape, scale, location");
        assertThat(only(BASE.replace("shape: 1.2", "shape: -1")).message()).contains("shape must be a positive");
        assertThat(only(BASE.replace("scale: 461386h", "scale: 461386")).message()).contains("has no unit");
    }

    @Test
    void setOverridesAndItsProblemsNameSet() {
        Scenario s = Scenario.parse(BASE, "s.yaml", Path.of("."), List.of("storage.raid.width=10", "seed=7",
                "storage.disk.capacity=8TiB"));
        assertThat(s.integer("storage.raid.width")).isEqualTo(10);
        assertThat(s.seed()).isEqualTo(7);
        assertThat(s.size("storage.disk.capacity")).isEqualTo(8 * Math.pow(2, 40));
        assertThat(s.where("seed").file()).isEqualTo("--set seed=7");
        List<Problem> p = problems(BASE, "storage.raid.widht=10", "storage.groups=-1", "oops");
        assertThat(p).extracting(Problem::format).containsExactly(
                "--set storage.raid.widht=10: storage.raid.widht: unknown key 'widht'; did you mean 'width'?",
                "--set storage.groups=-1: storage.groups: '-1' is below the minimum 1; accepted: a whole number, 1"
                        + " .. 10000000",
                "--set oops: oops: expected key.path=value; accepted: e.g. --set storage.raid.width=8");
    }

    @Test
    void extendsChainsOverridesAndUnsets(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("base.yaml"), BASE);
        Files.createDirectories(dir.resolve("what-if"));
        Files.writeString(dir.resolve("what-if/middle.yaml"), """
                extends: ../base.yaml
                storage:
                  disk: {capacity: 16TB}
                """);
        Files.writeString(dir.resolve("what-if/child.yaml"), """
                extends: middle.yaml
                name: bigger-disks
                storage:
                  rebuild: {time: null, rate: 80MB/s}
                """);
        Scenario s = Scenario.load(dir.resolve("what-if/child.yaml"));
        assertThat(s.name()).isEqualTo("bigger-disks");
        assertThat(s.size("storage.disk.capacity")).isEqualTo(16e12);
        assertThat(s.distribution("storage.disk.lifetime")).isEqualTo(Distributions.weibull(1.2, 461_386));
        assertThat(s.has("storage.rebuild.time")).isFalse();
        assertThat(s.bandwidth("storage.rebuild.rate")).isEqualTo(80e6);
        assertThat(s.where("storage.disk.lifetime").file()).endsWith("base.yaml");
        assertThat(s.sources()).hasSize(3);
    }

    @Test
    void extendsCycleAndMissingBase(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "extends: b.yaml\nname: a\n");
        Files.writeString(dir.resolve("b.yaml"), "extends: a.yaml\nname: b\n");
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> Scenario.load(dir.resolve("a.yaml")));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("extends cycle: a.yaml -> b.yaml -> a.yaml");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.keyPath()).isEqualTo("extends");
        });
        Files.writeString(dir.resolve("c.yaml"), "name: c\nextends: nowhere.yaml\n");
        e = catchThrowableOfType(ScenarioException.class, () -> Scenario.load(dir.resolve("c.yaml")));
        assertThat(e.problems().get(0).format()).contains("c.yaml:2:10: extends: base scenario 'nowhere.yaml' not"
                + " found (looked for ");
    }

    @Test
    void sweepValuesAreValidatedAgainstTheirKeys() {
        Scenario s = Scenario.parse(BASE + "sweep:\n  storage.raid.level: [raid5, raid6]\n  storage.raid.width: [6, 8]\n");
        assertThat(s.sweep()).containsEntry("storage.raid.level", List.of("raid5", "raid6"))
                .containsEntry("storage.raid.width", List.of("6", "8"));
        List<Problem> p = problems(BASE + "sweep:\n  storage.raid.levl: [raid5]\n  storage.raid.width: [6, x]\n");
        assertThat(p).extracting(Problem::keyPath).containsExactly("sweep.storage.raid.levl",
                "sweep.storage.raid.width[1]");
        assertThat(p.get(0).message()).contains("did you mean 'storage.raid.level'");
    }

    @Test
    void scenarioAsRunReadsBackToTheSameValues() {
        Scenario s = Scenario.parse(BASE + """
                description: "RAID 6: the baseline"
                faults:
                  - {at: 5d, kind: disk-failure, disks: 2}
                traffic:
                  hourlyProfile: [1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5, 5, 4, 3, 3, 2, 2, 1, 1]
                sweep: {storage.raid.width: [6, 8]}
                """, "s.yaml", Path.of("."), List.of("users.count=10000"));
        String yaml = s.toYaml();
        Scenario again = Scenario.parse(yaml);
        assertThat(again.values().keySet()).isEqualTo(s.values().keySet());
        for (String path : s.values().keySet()) {
            assertThat(again.values().get(path).value()).as(path).isEqualTo(s.values().get(path).value());
        }
        assertThat(yaml).contains("seed: 1  # default", "users:\n  count: 10000\n");
    }

    @Test
    void writtenKeysReadBackToTheSameScenarioDefaultsIncluded() {
        // A key written with its default value is not the key left out (Section.isSet; the checks between keys
        // refuse some written pairs): the written YAML leaves defaults out, so they stay defaults where it is read
        // (a cluster's executors).
        Scenario s = Scenario.parse(BASE + """
                faults:
                  - {at: 5d, kind: disk-failure, disks: 2}
                tiers:
                  webmail: {servers: 4}
                """, "s.yaml", Path.of("."), List.of("users.count=10000", "seed=7"));
        String written = s.writtenYaml();
        assertThat(written).doesNotContain("# default").contains("seed: 7", "  count: 10000", "servers: 4");
        Scenario again = Scenario.parse(written);
        assertThat(body(again.toYaml())).isEqualTo(body(s.toYaml()));
        assertThat(again.values().keySet()).isEqualTo(s.values().keySet());
        for (String path : s.values().keySet()) {
            assertThat(again.isSet(path)).as(path).isEqualTo(s.isSet(path));
            assertThat(again.values().get(path).value()).as(path).isEqualTo(s.values().get(path).value());
        }
        // Read back from toYaml instead, every default becomes a written key.
        assertThat(s.isSet("tiers.webmail.lifetime")).isFalse();
        assertThat(Scenario.parse(s.toYaml()).isSet("tiers.webmail.lifetime")).isTrue();
    }

    /** The YAML without its first line, the comment naming where it was read from. */
    private static String body(String yaml) {
        return yaml.substring(yaml.indexOf('\n') + 1);
    }
}
