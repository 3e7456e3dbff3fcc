package org.mailsim.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailsim.cli.Main;
import picocli.CommandLine;

/**
 * The replays of real outages (scenarios/dreamwiz-2008.yaml and its what-ifs, gmail-2011, daum-2022, hotmail-2010,
 * sidekick-2009, dreamwiz-portal-2009), run through {@code mailsim replay} as a user would.
 *
 * <p>Tolerances (the README's replay section states them): the reported Dreamwiz timeline gives days, not hours
 * ("on the 20th", "the 29th"), so the simulated send/receive restore must fall within +-1 day of the reported 48 h
 * and full recovery within +-2 days of the reported 264 h; both for the mean and for every replication (min and
 * max), since the runbook's random delays (provisioning 36-54 h, vendor 3-4 days) must not push any replication
 * outside. Gmail's reported times are to the hour: +-12 h for the full restore. Hotmail, Sidekick and the Dreamwiz
 * portal were reported by the day (the hour of the fault is not known): +-12 h for the mean of each simulated
 * milestone, +-1 day for every replication where the runbook draws its delays. Where a phase's length comes from a
 * file count over a rate, the test recomputes it from the scenario's mailbox distribution (mean of the lognormal
 * times users, over files per second) and allows 15% for the sampled mailboxes and the mail received since.
 */
class ReplayAcceptanceTest {
    static final Path ROOT = Path.of(System.getProperty("mailsim.root", "../..")).toAbsolutePath().normalize();
    static final Path SCENARIOS = ROOT.resolve("scenarios");
    static final ObjectMapper JSON = new ObjectMapper();

    static final double DAY = 24;

    @TempDir
    static Path tmp;

    static Path dreamwizFolder;
    static JsonNode dreamwiz;

    record Result(int exit, String out, String err) {
    }

    static Result mailsim(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    static Result replay(String name, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("replay", name, "--scenarios", SCENARIOS.toString(), "--out",
                out.toString(), "--format", "json", "--quiet"));
        args.addAll(List.of(more));
        return mailsim(args.toArray(new String[0]));
    }

    @BeforeAll
    static void replayDreamwiz() throws IOException {
        dreamwizFolder = tmp.resolve("dreamwiz");
        Result r = replay("dreamwiz-2008", dreamwizFolder);
        assertThat(r.exit()).as(r.err()).isZero();
        dreamwiz = JSON.readTree(r.out());
        // stdout is exactly the replay.json written into the folder
        assertThat(JSON.readTree(dreamwizFolder.resolve("replay.json").toFile())).isEqualTo(dreamwiz);
    }

    static Map<String, JsonNode> variants(JsonNode replay) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode v : replay.get("variants")) {
            out.put(v.get("whatIf").asText(), v);
        }
        return out;
    }

    @Test
    void dreamwizTimelineLandsWithinToleranceOfTheReportedOne() {
        JsonNode base = variants(dreamwiz).get("base");
        for (String field : List.of("mean", "min", "max")) {
            assertThat(base.get("hoursToRestoreService").get(field).asDouble()).as("service " + field)
                    .isBetween(48 - DAY, 48 + DAY);
            assertThat(base.get("hoursToFullRecovery").get(field).asDouble()).as("full recovery " + field)
                    .isBetween(264 - 2 * DAY, 264 + 2 * DAY);
        }
        // Reported: mail in bad sectors lost for good; the vendor recovers 98%, so some mail is lost, not all.
        assertThat(base.get("mailsLost").asDouble()).isPositive();
        assertThat(base.get("usersAffected").asDouble()).isEqualTo(25_000);
        // The milestones' simulated times are the figures above, side by side with the reported ones.
        JsonNode milestones = base.get("milestones");
        assertThat(milestones).hasSize(3);
        assertThat(milestones.get(0).get("simulatedHours").asDouble())
                .isEqualTo(base.get("hoursToRestoreService").get("mean").asDouble());
        assertThat(milestones.get(1).get("simulatedHours").isNull()).isTrue();
        assertThat(milestones.get(2).get("reportedHours").asDouble()).isEqualTo(264);
        // Phases come out of mechanisms in the post's order: provisioning, vendor, then the merge.
        List<String> phases = new ArrayList<>();
        base.get("phases").forEach(p -> phases.add(p.get("name").asText()));
        assertThat(phases).contains("provisioning replacement storage", "vendor recovery", "merge recovered mail");
    }

    @Test
    void moreSmallerGroupsShortenFullRecovery() {
        Map<String, JsonNode> v = variants(dreamwiz);
        double base = v.get("base").get("hoursToFullRecovery").get("mean").asDouble();
        double smaller = v.get("smaller-groups").get("hoursToFullRecovery").get("mean").asDouble();
        // Half the users per group: half the files to image and merge (~0.5 x (35 h + 140 h) less).
        assertThat(smaller).isLessThan(base - 2 * DAY);
        assertThat(v.get("smaller-groups").get("usersAffected").asDouble())
                .isEqualTo(v.get("base").get("usersAffected").asDouble() / 2);
        // Same seeds, same provisioning draws: send/receive comes back at the same time.
        assertThat(v.get("smaller-groups").get("hoursToRestoreService").get("mean").asDouble())
                .isEqualTo(v.get("base").get("hoursToRestoreService").get("mean").asDouble());
    }

    @Test
    void theWhatIfsChangeTheOutcomeByMechanism() {
        Map<String, JsonNode> v = variants(dreamwiz);
        assertThat(v.keySet()).containsExactly("base", "faster-vendor", "hot-spares", "nightly-backup", "raid6",
                "self-backup", "smaller-groups");
        JsonNode base = v.get("base");
        // A hot spare rebuilds before the second failure; RAID 6 survives two: nobody is cut off, nothing lost.
        for (String survivor : List.of("hot-spares", "raid6")) {
            assertThat(v.get(survivor).get("replicationsWithIncident").asInt()).as(survivor).isZero();
            assertThat(v.get(survivor).get("mailsLost").asDouble()).as(survivor).isZero();
            assertThat(v.get(survivor).get("hoursToFullRecovery").get("mean").asDouble()).as(survivor).isZero();
        }
        // A nightly backup restores in about a day after service is back, but loses the mail since the backup.
        JsonNode backup = v.get("nightly-backup");
        assertThat(backup.get("hoursToFullRecovery").get("mean").asDouble()).isLessThan(4 * DAY);
        assertThat(backup.get("mailsLost").asDouble()).isPositive();
        // A faster vendor helps, but the merge (file count) still keeps full recovery beyond a week.
        double faster = v.get("faster-vendor").get("hoursToFullRecovery").get("mean").asDouble();
        assertThat(faster).isLessThan(base.get("hoursToFullRecovery").get("mean").asDouble()).isGreaterThan(7 * DAY);
        // Users exporting their own mail lose less; the outage is as long.
        assertThat(v.get("self-backup").get("mailsLost").asDouble()).isLessThan(base.get("mailsLost").asDouble());
        assertThat(v.get("self-backup").get("hoursToFullRecovery").get("mean").asDouble())
                .isEqualTo(base.get("hoursToFullRecovery").get("mean").asDouble());
    }

    @Test
    void theReportRefersOnlyToFilesThatExist() throws IOException {
        assertThat(dreamwizFolder.resolve("replay.csv")).exists();
        assertThat(Files.readAllLines(dreamwizFolder.resolve("replay.csv"))).hasSize(1 + 7);
        List<Path> pages;
        try (Stream<Path> files = Files.walk(dreamwizFolder)) {
            pages = files.filter(p -> p.getFileName().toString().equals("index.html")).toList();
        }
        assertThat(pages).hasSize(1 + 7); // the replay's page and each variant's run report
        Pattern ref = Pattern.compile("(?:src|href)=\"([^\"]*)\"");
        int checked = 0;
        for (Path page : pages) {
            Matcher m = ref.matcher(Files.readString(page));
            while (m.find()) {
                String target = m.group(1).replace("&amp;", "&");
                assertThat(target).as(page + " refers to the network").doesNotContain("://");
                if (target.startsWith("#")) {
                    continue;
                }
                assertThat(page.resolveSibling(target)).as(page + " -> " + target).exists();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
        // One timeline per variant and the comparison chart.
        try (Stream<Path> files = Files.list(dreamwizFolder)) {
            assertThat(files.filter(p -> p.toString().endsWith(".png")).count()).isEqualTo(7 + 1);
        }
        // No temporary folder is left beside the report.
        try (Stream<Path> files = Files.list(dreamwizFolder.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("."))).isEmpty();
        }
    }

    @Test
    void anExistingFolderIsRefusedWithoutForceAndReplacedWithIt() throws IOException {
        Path out = tmp.resolve("daum");
        assertThat(replay("daum-2022", out).exit()).isZero();
        Result again = replay("daum-2022", out);
        assertThat(again.exit()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(again.err()).contains("already exists");
        assertThat(replay("daum-2022", out, "--force").exit()).isZero();
        assertThat(out.resolve("replay.json")).exists();
    }

    @Test
    void anUnknownReplayIsInvalidInputAndNamesTheReplaysThereAre() {
        Result r = replay("dreamwiz-2009", tmp.resolve("none"));
        assertThat(r.exit()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(r.err()).contains("dreamwiz-2008").contains("gmail-2011");
        assertThat(tmp.resolve("none")).doesNotExist();
    }

    @Test
    void gmailReplayRestoresFromTapeBesideItsReportedTimeline() throws IOException {
        Result r = replay("gmail-2011", tmp.resolve("gmail"));
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode base = JSON.readTree(r.out()).get("variants").get(0);
        // 20 h until the emptied accounts take mail again is an input (see the scenario's MODEL GAP) ...
        assertThat(base.get("hoursToRestoreService").get("mean").asDouble()).isCloseTo(20, org.assertj.core.data
                .Offset.offset(1.0));
        // ... the restore from tape is a mechanism (files / files per second) and lands within 12 h of the report.
        assertThat(base.get("hoursToFullRecovery").get("mean").asDouble()).isBetween(42 - 12.0, 42 + 12.0);
        assertThat(base.get("usersAffected").asDouble()).isEqualTo(40_000);
        // Mail to them bounced for the 20 h: about 20 h of inbound mail for 40,000 users at 20 a day.
        assertThat(base.get("mailsBounced").asDouble()).isBetween(0.3 * 40_000 * 20 * 20 / 24.0,
                3 * 40_000 * 20 * 20 / 24.0);
        List<String> phases = new ArrayList<>();
        base.get("phases").forEach(p -> phases.add(p.get("name").asText()));
        assertThat(phases).contains("restore from backup").doesNotContain("vendor recovery");
    }

    /** Mean of a lognormal given its median and sigma. */
    static double lognormalMean(double median, double sigma) {
        return median * Math.exp(sigma * sigma / 2);
    }

    static JsonNode base(String name) throws IOException {
        Result r = replay(name, tmp.resolve(name));
        assertThat(r.exit()).as(r.err()).isZero();
        return JSON.readTree(r.out()).get("variants").get(0);
    }

    static List<String> phaseNames(JsonNode variant) {
        List<String> phases = new ArrayList<>();
        variant.get("phases").forEach(p -> phases.add(p.get("name").asText()));
        return phases;
    }

    static double phaseHours(JsonNode variant, String name) {
        for (JsonNode p : variant.get("phases")) {
            if (p.get("name").asText().equals(name)) {
                return p.get("endHours").asDouble() - p.get("startHours").asDouble();
            }
        }
        throw new AssertionError("no phase " + name + " in " + phaseNames(variant));
    }

    @Test
    void hotmailReplayFoldsTheMailboxesBackBesideItsReportedTimeline() throws IOException {
        JsonNode base = base("hotmail-2010");
        // Mail is accepted again after the inputs: detection 2 h + the two days' triage 46 h + the fix 8 h.
        assertThat(base.get("hoursToRestoreService").get("mean").asDouble()).isCloseTo(56, org.assertj.core.data
                .Offset.offset(0.5));
        // The merge is a mechanism: 17,355 mailboxes (lognormal median 500, sigma 1.4) at 300 files/s ...
        double mergeHours = 17_355 * lognormalMean(500, 1.4) / 300 / 3600;
        assertThat(phaseHours(base, "merge recovered mail")).isBetween(0.85 * mergeHours, 1.15 * mergeHours);
        // ... and ends within 12 h of the reported "94% restored" (2 Jan evening), in every replication.
        for (String field : List.of("mean", "min", "max")) {
            assertThat(base.get("hoursToFullRecovery").get(field).asDouble()).as(field).isBetween(78 - 12.0, 78 + 12.0);
        }
        JsonNode milestones = base.get("milestones");
        assertThat(milestones.get(1).get("simulatedHours").asDouble())
                .isEqualTo(base.get("hoursToFullRecovery").get("mean").asDouble());
        // The last 6% (5 Jan) has no mechanism here: shown as reported only.
        assertThat(milestones.get(2).get("simulatedHours").isNull()).isTrue();
        // "No user data was permanently lost", except mail that bounced until the accounts took mail again:
        // about 56 h of inbound mail at 15 a day for 17,355 users (the weekly profile moves it within the band).
        assertThat(base.get("mailsLost").asDouble()).isZero();
        assertThat(base.get("usersAffected").asDouble()).isEqualTo(17_355);
        double inbound = 17_355 * 15 * 56 / 24.0;
        assertThat(base.get("mailsBounced").asDouble()).isBetween(0.3 * inbound, 3 * inbound);
        // The same users could not send either: about 56 h at 2 sends a day (the profile moves it within the band).
        double outbound = 17_355 * 2 * 56 / 24.0;
        assertThat(base.get("mailsFailedToSend").asDouble()).isBetween(0.3 * outbound, 3 * outbound);
        assertThat(phaseNames(base)).contains("vendor recovery").doesNotContain("restore from backup");
    }

    @Test
    void sidekickReplaySalvagesTheDatabaseBesideItsReportedTimeline() throws IOException {
        JsonNode base = base("sidekick-2009");
        // Service back (empty) on day 4 is an input (the rebuild of the service, see the scenario's MODEL GAP).
        assertThat(base.get("hoursToRestoreService").get("mean").asDouble()).isCloseTo(96, org.assertj.core.data
                .Offset.offset(0.5));
        JsonNode milestones = base.get("milestones");
        // The salvage (vendor.time 7-9 days plus ~4.9 TB at 12 MB/s) ends within 12 h of the reported day 13.
        assertThat(milestones.get(2).get("simulatedHours").asDouble()).isBetween(312 - 12.0, 312 + 12.0);
        double bytes = 1e6 * lognormalMean(200, 1.0) * lognormalMean(2e3, 2.0);
        double salvage = phaseHours(base, "vendor recovery");
        double imaging = bytes / 12e6 / 3600;
        assertThat(salvage).isBetween(7 * DAY + 0.85 * imaging, 9 * DAY + 1.15 * imaging);
        // Putting ~330 million records back at 1,000 a second: the merge follows the salvage.
        double mergeHours = 1e6 * lognormalMean(200, 1.0) / 1000 / 3600;
        assertThat(phaseHours(base, "merge recovered mail")).isBetween(0.85 * mergeHours, 1.15 * mergeHours);
        // Nothing marks the day-8 notice or the day-18 contacts tool: shown as reported only.
        assertThat(milestones.get(1).get("simulatedHours").isNull()).isTrue();
        assertThat(milestones.get(3).get("simulatedHours").isNull()).isTrue();
        // "Most, if not all" came back and loss "affected a minority": at most the 0.1% the salvage misses is lost,
        // and phones that kept their copy (80%) lose nearly nothing.
        double records = 1e6 * lognormalMean(200, 1.0);
        assertThat(base.get("mailsLost").asDouble()).isPositive().isLessThan(0.001 * records);
        assertThat(base.get("usersWithLoss").asDouble()).isPositive().isLessThan(0.5 * 1e6);
        assertThat(base.get("usersAffected").asDouble()).isEqualTo(1_000_000);
        // Four days without service are shorter than the senders' 5-day queues: mail is deferred, none bounces.
        assertThat(base.get("mailsDeferred").asDouble()).isPositive();
        assertThat(base.get("mailsBounced").asDouble()).isZero();
        assertThat(phaseNames(base)).contains("vendor recovery", "merge recovered mail")
                .doesNotContain("restore from backup");
    }

    @Test
    void dreamwizPortalReplayOverrunsTheMoveByMechanism() throws IOException {
        JsonNode base = base("dreamwiz-portal-2009");
        // Login open (every group takes mail again) and every service back land within 12 h of the report on
        // average, and every replication within a day (provisioning draws 36-54 h).
        assertThat(base.get("hoursToRestoreService").get("mean").asDouble()).isBetween(75 - 12.0, 75 + 12.0);
        assertThat(base.get("hoursToFullRecovery").get("mean").asDouble()).isBetween(95 - 12.0, 95 + 12.0);
        for (String field : List.of("min", "max")) {
            assertThat(base.get("hoursToRestoreService").get(field).asDouble()).as(field).isBetween(75 - DAY,
                    75 + DAY);
            assertThat(base.get("hoursToFullRecovery").get(field).asDouble()).as(field).isBetween(95 - DAY, 95 + DAY);
        }
        // The overrun is mechanism: the planned 34 h, then provisioning (at least 36 h) from power-on ...
        assertThat(base.get("hoursToRestoreService").get("min").asDouble()).isGreaterThanOrEqualTo(34 + 36 - 0.1);
        // ... then a restore of a group's ~18.5 million files at 300 files/s.
        double restoreHours = 25_000 * lognormalMean(360, 1.2) / 300 / 3600;
        assertThat(phaseHours(base, "restore from backup")).isBetween(0.85 * restoreHours, 1.15 * restoreHours);
        assertThat(phaseNames(base)).contains("provisioning replacement storage", "restore from backup")
                .doesNotContain("vendor recovery");
        // Every group was cut off by the move (the two lost groups' outage turned into a loss): 1,000,000 users;
        // only the two lost groups' users lose mail, the mail since their last backup.
        assertThat(base.get("usersAffected").asDouble()).isEqualTo(1_000_000);
        assertThat(base.get("usersWithLoss").asDouble()).isPositive().isLessThanOrEqualTo(50_000);
        assertThat(base.get("mailsLost").asDouble()).isPositive();
        // The announced restart is the input the move is scripted with: shown as reported, not simulated.
        assertThat(base.get("milestones").get(0).get("simulatedHours").isNull()).isTrue();
    }

    @Test
    void aReplayIsTheSameForAnyThreadCount() throws IOException {
        assertThat(replay("gmail-2011", tmp.resolve("t1"), "--threads", "1").exit()).isZero();
        assertThat(replay("gmail-2011", tmp.resolve("t2"), "--threads", "2").exit()).isZero();
        assertThat(Files.readString(tmp.resolve("t1/replay.csv"))).isEqualTo(Files.readString(tmp.resolve(
                "t2/replay.csv")));
    }

    static List<Path> replayScenarios() throws IOException {
        List<Path> out = new ArrayList<>(List.of(SCENARIOS.resolve("dreamwiz-2008.yaml"),
                SCENARIOS.resolve("gmail-2011.yaml"), SCENARIOS.resolve("daum-2022.yaml"),
                SCENARIOS.resolve("hotmail-2010.yaml"), SCENARIOS.resolve("sidekick-2009.yaml"),
                SCENARIOS.resolve("dreamwiz-portal-2009.yaml")));
        try (Stream<Path> files = Files.list(SCENARIOS.resolve("dreamwiz-2008"))) {
            files.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(out::add);
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("replayScenarios")
    void everyReplayScenarioValidatesAndRuns(Path scenario) {
        Result validate = mailsim("validate", scenario.toString());
        assertThat(validate.exit()).as(validate.err()).isZero();
        Result run = mailsim("run", scenario.toString(), "--replications", "2", "--no-report", "--quiet", "--format",
                "json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"hoursToFullRecovery\"");
    }
}
