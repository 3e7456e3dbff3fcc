package org.mailsim.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailsim.engine.EventBudgetExceededException;
import org.mailsim.engine.Simulator;
import org.mailsim.model.mail.MailConfig;
import org.mailsim.model.mail.WeeklyProfile;
import org.mailsim.model.operations.BackupPolicy;
import org.mailsim.model.operations.CostSpec;
import org.mailsim.model.operations.KnownPresets;
import org.mailsim.model.operations.Runbook;
import org.mailsim.model.storage.ScriptedFault;
import org.mailsim.model.storage.StorageSpec;
import org.mailsim.model.storage.array.RaidLevel;
import org.mailsim.model.storage.correlation.AftershockSpec;
import org.mailsim.model.storage.correlation.LotSpec;
import org.mailsim.model.storage.correlation.ShockSpec;
import org.mailsim.model.storage.disk.BathtubLifetime;
import org.mailsim.model.storage.disk.HazardTableLifetime;
import org.mailsim.model.storage.repair.RepairSpec;
import org.mailsim.model.storage.repair.SpareSpec;
import org.mailsim.random.Distributions;
import org.mailsim.run.ReplicationRunner;
import org.mailsim.scenario.Problem;
import org.mailsim.scenario.Scenario;
import org.mailsim.scenario.ScenarioException;

class ScenarioBindingTest {
    static final String STORAGE = """
            name: bind
            storage:
              groups: 4
              raid: {level: raid6, width: 8}
              disk:
                capacity: 4TB
                lifetime: {distribution: weibull, shape: 1.2, scale: 461386h}
            """;

    private static PortalSpec bind(String yaml, String... sets) {
        return ScenarioBinding.bind(Scenario.parse(yaml, "s.yaml", Path.of("."), List.of(sets)));
    }

    /** Problems from loading or binding, whichever refuses. */
    private static List<Problem> problems(String yaml, String... sets) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> bind(yaml, sets));
        assertThat(e).as("expected the scenario to be refused").isNotNull();
        return e.problems();
    }

    @Test
    void storageOnlyDefaults() {
        PortalSpec p = bind(STORAGE);
        assertThat(p.name()).isEqualTo("bind");
        assertThat(p.seed()).isEqualTo(1);
        assertThat(p.replications()).isEqualTo(1000);
        assertThat(p.horizon().hours()).isEqualTo(87_600);
        assertThat(p.horizon().untilFirstDataLoss()).isFalse();
        assertThat(p.hasUsers()).as("users.count 0: storage only").isFalse();
        StorageSpec st = p.storage();
        assertThat(st.groups()).isEqualTo(4);
        assertThat(st.arraysPerGroup()).isEqualTo(1);
        assertThat(st.array().level()).isEqualTo(RaidLevel.RAID6);
        assertThat(st.array().width()).isEqualTo(8);
        assertThat(st.disk().capacityBytes()).isEqualTo(4e12);
        assertThat(st.disk().lifetime()).isEqualTo(Distributions.weibull(1.2, 461_386));
        assertThat(st.disk().urePerBit()).isEqualTo(1e-15);
        assertThat(st.disk().bandwidthBytesPerSecond()).isEqualTo(150e6);
        assertThat(st.disk().smallFilesPerSecond()).isEqualTo(200);
        assertThat(st.disk().sectorBytes()).isEqualTo(4096);
        assertThat(st.disk().latentErrors().enabled()).isFalse();
        assertThat(st.disk().latentErrors().scrub()).isNull();
        // 50 MB/s idle, whole disk, no slowdown: 4e12 / 5e7 / 3600 = 22.2 h.
        assertThat(st.repair().rebuild().time()).isNull();
        assertThat(st.repair().rebuild().hoursAtRate(4e12)).isCloseTo(4e12 / 50e6 / 3600, within(1e-9));
        assertThat(st.repair().crews()).isEqualTo(RepairSpec.Crews.UNLIMITED);
        assertThat(st.repair().spares()).isEqualTo(SpareSpec.NONE);
        assertThat(st.repair().lostArrayReplacement()).as("left to the operations layer").isNull();
        assertThat(st.correlation().independent()).isTrue();
        assertThat(st.faults()).isEmpty();
        assertThat(st.randomFailures()).isTrue();
        assertThat(p.runbook()).isEqualTo(KnownPresets.RUNBOOK_DEFAULT);
        assertThat(p.backups()).isEqualTo(BackupPolicy.NONE);
        assertThat(p.costs()).isEqualTo(KnownPresets.PRICES_TODAY);
        assertThat(p.selfBackup().fractionOfUsers()).isZero();
        assertThat(p.tierOutages()).isEmpty();
    }

    @Test
    void runSettingsAndFirstDataLoss() {
        PortalSpec p = bind(STORAGE + "seed: 42\nreplications: 7\nhorizon: first-data-loss\nmaxHorizon: 500y\n");
        assertThat(p.seed()).isEqualTo(42);
        assertThat(p.replications()).isEqualTo(7);
        assertThat(p.horizon().untilFirstDataLoss()).isTrue();
        assertThat(p.horizon().hours()).isEqualTo(500 * 8760);
        assertThat(p.eventBudget()).as("maxEvents default").isEqualTo(Simulator.DEFAULT_EVENT_BUDGET);
        assertThat(bind(STORAGE + "maxEvents: 5_000_000_000\n").eventBudget()).isEqualTo(5_000_000_000L);
        assertThat(bind(STORAGE + "maxEvents: 7\n", "maxEvents=9").eventBudget()).as("--set wins").isEqualTo(9);
    }

    @Test
    void aReplicationPastTheScenariosEventBudgetFailsNamingTheKey() {
        PortalSpec p = bind(STORAGE + "maxEvents: 3\nreplications: 2\n");
        EventBudgetExceededException e = catchThrowableOfType(() -> new PortalExperiment(p).run(2,
                ReplicationRunner.Progress.NONE), EventBudgetExceededException.class);
        assertThat(e).isNotNull();
        assertThat(e.budget()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("replication 0: event budget of 3 events exhausted")
                .contains("scenario key maxEvents", "--max-events");
        // The same scenario with room for its events runs, and the budget changes no figure.
        PortalSpec roomy = bind(STORAGE + "maxEvents: 1000000\n");
        PortalSpec unset = bind(STORAGE);
        for (int i = 0; i < 3; i++) {
            assertThat(json(new PortalExperiment(roomy).replicate(i))).isEqualTo(json(new PortalExperiment(unset)
                    .replicate(i))).contains("diskFailures");
        }
    }

    static String json(PortalExperiment.Replication replication) {
        java.io.StringWriter text = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = org.mailsim.run.ReplicationJson.FACTORY.createGenerator(text)) {
            g.writeStartObject();
            org.mailsim.run.ReplicationJson.writeFields(g, replication.result());
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text.toString();
    }

    @Test
    void arraysOfEveryShape() {
        assertThat(bind(STORAGE, "storage.raid={level: raid60, width: 12}").storage().array().spans())
                .as("raid60 defaults to 2 spans").isEqualTo(2);
        assertThat(bind(STORAGE, "storage.raid={level: raid50, width: 12, spans: 3}").storage().array().dataDisks())
                .isEqualTo(9);
        var erasure = bind(STORAGE, "storage.raid={level: erasure, width: 14, data: 10, parity: 4}").storage().array();
        assertThat(erasure.parity()).isEqualTo(4);
        assertThat(erasure.dataDisks()).isEqualTo(10);
        assertThat(bind(STORAGE, "storage.raid={level: raid10, width: 8}").storage().array().dataDisks()).isEqualTo(4);
        assertThat(problems(STORAGE, "storage.raid.width=65").get(0).message()).contains("above the maximum 64");
    }

    @Test
    void disksLatentErrorsAndScrubs() {
        PortalSpec p = bind(STORAGE + """
                    bandwidth: 250MB/s
                    fileRate: 300 files/s
                    sectorSize: 512B
                    ure: 1e-14
                    latentErrors:
                      rate: 1.08e-4/h
                      burst: 8
                      scrub: {interval: 2w, distribution: exponential}
                """);
        var disk = p.storage().disk();
        assertThat(disk.bandwidthBytesPerSecond()).isEqualTo(250e6);
        assertThat(disk.smallFilesPerSecond()).isEqualTo(300);
        assertThat(disk.sectorBytes()).isEqualTo(512);
        assertThat(disk.urePerBit()).isEqualTo(1e-14);
        assertThat(disk.latentErrors().ratePerHour()).isEqualTo(1.08e-4);
        assertThat(disk.latentErrors().burstSectors()).isEqualTo(8);
        assertThat(disk.latentErrors().scrub().interval()).isEqualTo(Distributions.exponential(336));
        var periodic = bind(STORAGE, "storage.disk.latentErrors={rate: 1e-4/h, scrub: {interval: 1w}}")
                .storage().disk().latentErrors().scrub();
        assertThat(periodic.periodic()).isTrue();
        assertThat(periodic.interval().mean()).isEqualTo(168);
        var ep = bind(STORAGE, "storage.disk.latentErrors={rate: 1.08e-4/h, scrub: {detectionTime: {distribution:"
                + " weibull, shape: 3, scale: 168h, location: 6h}}}").storage().disk().latentErrors().scrub();
        assertThat(ep.interval()).isEqualTo(Distributions.weibull(3, 168, 6));
    }

    @Test
    void lifetimeFamiliesForDisksOnly() {
        var bathtub = bind(STORAGE, "storage.disk.lifetime={distribution: bathtub, infantShape: 0.5, infantScale:"
                + " 1000y, usefulLifeMean: 50y, wearShape: 4, wearScale: 6y, wearLocation: 2y}")
                .storage().disk().lifetime();
        assertThat(bathtub).isEqualTo(new BathtubLifetime(0.5, 1000 * 8760.0, 1 / (50 * 8760.0), 4, 6 * 8760.0,
                2 * 8760.0));
        var table = bind(STORAGE, "storage.disk.lifetime={distribution: hazardTable, ages: [0, 1y, 4y],"
                + " afr: [0.02, 0.01, 0.05]}").storage().disk().lifetime();
        assertThat(table).isEqualTo(HazardTableLifetime.fromAnnualRates(new double[] {0, 1, 4},
                new double[] {0.02, 0.01, 0.05}));
        Problem notHere = problems(STORAGE, "storage.rebuild.time={distribution: bathtub, infantShape: 0.5,"
                + " infantScale: 1y, wearShape: 4, wearScale: 6y}").get(0);
        assertThat(notHere.keyPath()).isEqualTo("storage.rebuild.time.distribution");
        assertThat(notHere.message()).contains("'bathtub' is not accepted", "is a disk lifetime");
        Problem mismatch = problems(STORAGE, "storage.disk.lifetime={distribution: hazardTable, ages: [0, 1y],"
                + " afr: [0.02]}").get(0);
        assertThat(mismatch.message()).contains("2 ages but 1 afr");
    }

    @Test
    void rebuildFromRateLoadAndUsedData() {
        // loadFactor 0.5: half the idle speed, so twice the time; the model keeps the factor as written.
        var r = bind(STORAGE, "storage.rebuild={rate: 100MB/s, loadFactor: 50%}").storage().repair().rebuild();
        assertThat(r.loadFactor()).isEqualTo(0.5);
        assertThat(r.hoursAtRate(4e12)).isCloseTo(2 * 4e12 / 100e6 / 3600, within(1e-9));
        // 40,000 users over 4 groups with deterministic-ish mailboxes: median 1000 messages, 100 kB, sigma tiny.
        String users = STORAGE + """
                users:
                  count: 40000
                  mailbox:
                    messages: {distribution: lognormal, median: 1000, sigma: 0.000001}
                    messageSize: {distribution: lognormal, median: 100kB, sigma: 0.000001}
                """;
        var used = bind(users, "storage.rebuild.reads=used-data").storage().repair().rebuild();
        // 10,000 users x 1000 x 100 kB = 1e12 bytes over 6 data disks x 4 TB = 2.4e13: fraction 1/24.
        assertThat(used.dataFraction()).isCloseTo(1e12 / 24e12, within(1e-9));
        var twoArrays = bind(users, "storage.rebuild.reads=used-data", "storage.arraysPerGroup=2")
                .storage().repair().rebuild();
        assertThat(twoArrays.dataFraction()).isCloseTo(1e12 / 48e12, within(1e-9));
        var full = bind(users, "storage.rebuild.reads=used-data", "users.count=900000").storage().repair()
                .rebuild();
        assertThat(full.dataFraction()).as("mail filling most of the disks").isCloseTo(0.9375, within(1e-9));
        // More mail than the disks hold is refused, not capped: the model would store what cannot be stored.
        assertThat(problems(users, "users.count=40000000").get(0).format()).contains("--set users.count=40000000:"
                + " users.count: the mail of the fullest storage group").contains("does not fit its usable capacity");
        var timed = bind(STORAGE, "storage.rebuild.time={distribution: weibull, shape: 2, scale: 12h, location: 6h}")
                .storage().repair().rebuild();
        assertThat(timed.time()).isEqualTo(Distributions.weibull(2, 12, 6));
    }

    @Test
    void sparesTakeOperationsTimesUnlessGiven() {
        var cold = bind(STORAGE, "storage.spares={kind: cold, scope: group, count: 3}", "storage.repairCrews=1");
        SpareSpec s = cold.storage().repair().spares();
        assertThat(s.kind()).isEqualTo(SpareSpec.Kind.COLD);
        assertThat(s.scope()).isEqualTo(SpareSpec.Scope.GROUP);
        assertThat(s.count()).isEqualTo(3);
        assertThat(s.handlingTime()).isEqualTo(KnownPresets.RUNBOOK_DEFAULT.diskReplacement().coldSpareHandling());
        assertThat(s.replenishTime()).isEqualTo(KnownPresets.RUNBOOK_DEFAULT.diskReplacement().restockDelay());
        assertThat(cold.storage().repair().crews()).isEqualTo(RepairSpec.Crews.ONE);
        var dreamwiz = bind(STORAGE, "storage.spares={kind: cold}", "operations.preset=dreamwiz-2008")
                .storage().repair().spares();
        assertThat(dreamwiz.handlingTime().mean()).isEqualTo(4);
        assertThat(dreamwiz.replenishTime().mean()).isEqualTo(168);
        var hot = bind(STORAGE, "storage.spares={kind: hot, count: 2, restockTime: 2d}");
        assertThat(hot.storage().repair().spares().kind()).isEqualTo(SpareSpec.Kind.HOT);
        assertThat(hot.storage().repair().spares().replenishTime().mean()).isEqualTo(48);
        assertThat(hot.runbook().diskReplacement().restockDelay().mean()).as("the team and the model agree")
                .isEqualTo(48);
    }

    @Test
    void correlatedFailures() {
        StorageSpec st = bind(STORAGE + """
                  correlated:
                    lots:
                      - {name: bad-batch, fraction: 10%, hazardMultiplier: 3}
                    shocks:
                      - {kind: power, rate: 0.1/y, scope: group, effect: offline, disks: 8, offlineTime: 4h}
                      - {kind: datacenter-move, name: move, rate: 1/y, disks: 2}
                    aftershock: {burstFraction: 3.9%}
                """).storage();
        assertThat(st.correlation().lots()).containsExactly(new LotSpec("bad-batch", 0.1, 3));
        ShockSpec power = st.correlation().shocks().get(0);
        assertThat(power.name()).isEqualTo("power");
        assertThat(power.ratePerHour()).isCloseTo(0.1 / 8760, within(1e-15));
        assertThat(power.scope()).isEqualTo(ShockSpec.Scope.GROUP);
        assertThat(power.effect()).isEqualTo(ShockSpec.Effect.OFFLINE);
        assertThat(power.disksPerArray()).isEqualTo(8);
        assertThat(power.offlineTime().mean()).isEqualTo(4);
        ShockSpec move = st.correlation().shocks().get(1);
        assertThat(move.name()).isEqualTo("move");
        assertThat(move.effect()).isEqualTo(ShockSpec.Effect.FAIL);
        assertThat(move.scope()).isEqualTo(ShockSpec.Scope.ARRAY);
        // Counted per array (no burstUnitDisks): spread over the array's 8 disks.
        assertThat(st.correlation().aftershock()).isEqualTo(AftershockSpec.calibrated(0.039, 1.0 / 6, 8));
        var enclosure = bind(STORAGE, "storage.correlated.aftershock={burstFraction: 1.96%, burstUnitDisks: 106}")
                .storage().correlation().aftershock();
        assertThat(enclosure).isEqualTo(AftershockSpec.calibrated(0.0196, 1.0 / 6, 106));
        var replacementsFromTheLot = bind(STORAGE, "storage.correlated.lots=[{name: b, fraction: 1,"
                + " hazardMultiplier: 2, replacements: 25%}]").storage().correlation().lots();
        assertThat(replacementsFromTheLot).containsExactly(new LotSpec("b", 1, 2, 0.25));
        var direct = bind(STORAGE, "storage.correlated.aftershock={window: 1h, extraHazard: 0.01/h}")
                .storage().correlation().aftershock();
        assertThat(direct).isEqualTo(new AftershockSpec(1, 0.01));
    }

    @Test
    void faultsMapToTheRuntimeActions() {
        PortalSpec p = bind(STORAGE + """
                  arraysPerGroup: 3
                users: {count: 1000}
                faults:
                  - {at: 1d, kind: disk-failure, group: 1, array: 2, disks: 3}
                  - {at: 2d, kind: array-loss, group: 2, array: 1}
                  - {at: 3d, kind: group-outage, group: 3, duration: 96h}
                  - {at: 4d, kind: tier-outage, tier: database, duration: 20h}
                """);
        List<ScriptedFault> f = p.storage().faults();
        assertThat(f).hasSize(5);
        assertThat(f.get(0)).isEqualTo(new ScriptedFault(24, ScriptedFault.Action.FAIL, 1, 2, List.of(0, 1, 2), 0));
        assertThat(f.get(1)).isEqualTo(new ScriptedFault(48, ScriptedFault.Action.FAIL, 2, 1, List.of(), 0));
        for (int a = 0; a < 3; a++) {
            assertThat(f.get(2 + a)).isEqualTo(new ScriptedFault(72, ScriptedFault.Action.OFFLINE, 3, a, List.of(),
                    96));
        }
        assertThat(p.tierOutages()).containsExactly(new PortalSpec.TierOutage(PortalSpec.Tier.DATABASE, 96, 20));
        List<ScriptedFault> site = bind(STORAGE, "faults=[{at: 0, kind: group-outage, group: all, duration: 4d}]")
                .storage().faults();
        assertThat(site).extracting(ScriptedFault::group).containsExactly(0, 1, 2, 3);
        assertThat(site).allSatisfy(x -> assertThat(x.offlineHours()).isEqualTo(96));
        PortalSpec mta = bind(STORAGE, "users.count=10",
                "faults=[{at: 2h, kind: tier-outage, tier: mta, duration: 3h}]");
        assertThat(mta.tierOutages()).containsExactly(new PortalSpec.TierOutage(PortalSpec.Tier.MTA, 2, 3));
        assertThat(problems(STORAGE, "users.count=10", "faults=[{at: 0, kind: tier-outage, tier: dns, duration: 1h}]")
                .get(0).message()).contains("accepted: one of webmail, database, mta");
    }

    @Test
    void usersMailAndTiers() {
        PortalSpec p = bind(STORAGE + """
                users:
                  count: 1000003
                  mailbox:
                    messages: {distribution: lognormal, median: 500, sigma: 1.1}
                    messageSize: {distribution: lognormal, median: 12kB, sigma: 1.6}
                traffic: {received: 30/d, sent: 0.25/h, deleted: 29/d, growth: 20%}
                tiers:
                  mta: {queueLifetime: 3d}
                  webmail: {servers: 20, lifetime: {distribution: exponential, mean: 1y}, failover: 2m}
                """);
        MailConfig m = p.mail();
        assertThat(m.sharding().totalUsers()).isEqualTo(1_000_003);
        assertThat(m.sharding().users(0)).isEqualTo(250_001);
        assertThat(m.sharding().users(3)).isEqualTo(250_000);
        assertThat(m.mailbox().messages()).isEqualTo(new Distributions.LogNormal(Math.log(500), 1.1));
        assertThat(m.mailbox().bytesPerMessage()).isEqualTo(new Distributions.LogNormal(Math.log(12_000), 1.6));
        assertThat(m.traffic().receivedPerDay()).isCloseTo(30, within(1e-9));
        assertThat(m.traffic().sentPerDay()).isCloseTo(6, within(1e-9));
        assertThat(m.traffic().deletedPerDay()).isCloseTo(29, within(1e-9));
        assertThat(m.traffic().yearlyGrowth()).isEqualTo(0.2);
        assertThat(m.traffic().profile()).as("measured default").isEqualTo(WeeklyProfile.emailEuCore());
        assertThat(m.queueLifetimeHours()).isEqualTo(72);
        assertThat(m.webmail().activeServers()).isEqualTo(20);
        assertThat(m.webmail().timeBetweenFailures().mean()).isEqualTo(8760);
        assertThat(m.webmail().failoverTime().mean()).isCloseTo(2.0 / 60, within(1e-12));
        assertThat(m.database().activeServers()).isEqualTo(1);
        assertThat(m.database().failoverTime()).isEqualTo(Distributions.logNormal(Math.log(20.0 / 60), 0.9));
        // Model defaults when nothing is written.
        MailConfig d = bind(STORAGE, "users.count=100").mail();
        assertThat(d.mailbox()).isEqualTo(org.mailsim.model.mail.MailboxProfile.defaults());
        assertThat(d.traffic().receivedPerDay()).isCloseTo(20, within(1e-9));
        assertThat(d.traffic().yearlyGrowth()).isCloseTo(0.1, within(1e-12));
        assertThat(d.queueLifetimeHours()).isEqualTo(MailConfig.DEFAULT_QUEUE_LIFETIME_HOURS);
        assertThat(d.webmail()).isEqualTo(org.mailsim.model.mail.TierConfig.defaultWebmail());
        assertThat(d.database()).isEqualTo(org.mailsim.model.mail.TierConfig.defaultDatabase());
        assertThat(d.mta()).isEqualTo(org.mailsim.model.mail.TierConfig.defaultMta());
        assertThat(d.mta().failsAtRandom()).as("MTA failures are opt-in").isFalse();
    }

    @Test
    void mtaServersFailOnlyWithALifetime() {
        MailConfig m = bind(STORAGE, "users.count=10", "tiers.mta.servers=3",
                "tiers.mta.lifetime={distribution: exponential, mean: 1y}", "tiers.mta.failover=10m").mail();
        assertThat(m.mta().activeServers()).isEqualTo(3);
        assertThat(m.mta().timeBetweenFailures()).isEqualTo(Distributions.exponential(8760));
        assertThat(m.mta().failoverTime().mean()).isCloseTo(10.0 / 60, within(1e-12));
        Problem p = problems(STORAGE, "users.count=10", "tiers.mta.failover=10m").get(0);
        assertThat(p.keyPath()).isEqualTo("tiers.mta.failover");
        assertThat(p.message()).contains("without tiers.mta.lifetime").contains("accepted:");
        Problem servers = problems(STORAGE, "users.count=10", "tiers.mta.servers=4").get(0);
        assertThat(servers.keyPath()).isEqualTo("tiers.mta.servers");
        assertThat(servers.message()).contains("tiers.mta.servers without tiers.mta.lifetime");
    }

    @Test
    void profilesGivenAreSeparable() {
        double[] hours = new double[24];
        for (int h = 0; h < 24; h++) {
            hours[h] = h < 8 ? 1 : 3;
        }
        StringBuilder list = new StringBuilder("[");
        for (int h = 0; h < 24; h++) {
            list.append(h > 0 ? ", " : "").append(hours[h] == 1 ? "1" : "3");
        }
        var p = bind(STORAGE, "users.count=10", "traffic.hourlyProfile=" + list + "]").mail().traffic().profile();
        double[] days = {1, 1, 1, 1, 1, 1, 1};
        assertThat(p).isEqualTo(WeeklyProfile.separable(hours, days));
        var w = bind(STORAGE, "users.count=10", "traffic.weeklyProfile=[5, 5, 5, 5, 5, 1, 1]").mail().traffic()
                .profile();
        assertThat(w.rate(0) / w.rate(24 * 6)).isCloseTo(5, within(1e-12));
    }

    @Test
    void mailboxMustBeLognormal() {
        Problem p = problems(STORAGE + """
                users:
                  count: 10
                  mailbox:
                    messages: {distribution: exponential, mean: 500}
                """).get(0);
        assertThat(p.format()).startsWith("s.yaml:11:30: users.mailbox.messages.distribution: 'exponential' is"
                + " not accepted for users.mailbox.messages; accepted: lognormal");
        assertThat(problems(STORAGE, "users.mailbox.messageSize=8kB").get(0).message())
                .contains("expected a distribution block", "lognormal");
    }

    @Test
    void operationsOverrideThePreset() {
        PortalSpec p = bind(STORAGE + """
                operations:
                  preset: dreamwiz-2008
                  detection: 30m
                  provisioning: {distribution: uniform, low: 1d, high: 2d}
                  vendor: {use: false, bandwidth: unlimited, pricePerTB: 2500}
                  restore: {fileRate: 5000 files/s}
                  staffing: {whileDown: 4}
                  engineerHoursPerDisk: 0.5
                  selfBackup: {fraction: 5%, interval: 1w}
                """);
        Runbook r = p.runbook();
        Runbook d = KnownPresets.RUNBOOK_DREAMWIZ_2008;
        assertThat(r.detectionDelay()).isEqualTo(Distributions.deterministic(0.5));
        assertThat(r.onCallResponse()).isEqualTo(d.onCallResponse());
        assertThat(r.provisioning().time()).isEqualTo(Distributions.uniform(24, 48));
        assertThat(r.vendor().available()).isFalse();
        assertThat(r.vendor().bytesPerSecond()).isInfinite();
        assertThat(r.vendor().pricePerTB()).isEqualTo(2500);
        assertThat(r.vendor().turnaround()).isEqualTo(d.vendor().turnaround());
        assertThat(r.vendor().recoverableFraction()).isEqualTo(0.98);
        assertThat(r.restore().filesPerSecond()).isEqualTo(5000);
        assertThat(r.restore().bytesPerSecond()).isEqualTo(d.restore().bytesPerSecond());
        assertThat(r.merge()).isEqualTo(d.merge());
        assertThat(r.staffing().whileDown()).isEqualTo(4);
        assertThat(r.staffing().whileRecovering()).isEqualTo(d.staffing().whileRecovering());
        assertThat(r.diskReplacement().engineerHoursPerDisk()).isEqualTo(0.5);
        assertThat(r.diskReplacement().coldSpareHandling()).isEqualTo(d.diskReplacement().coldSpareHandling());
        assertThat(p.selfBackup().fractionOfUsers()).isEqualTo(0.05);
        assertThat(p.selfBackup().intervalHours()).isEqualTo(168);
        assertThat(bind(STORAGE, "operations.preset=dreamwiz-2008").runbook())
                .isEqualTo(KnownPresets.RUNBOOK_DREAMWIZ_2008);
    }

    @Test
    void backupPolicies() {
        BackupPolicy full = bind(STORAGE, "backups={policy: full, interval: 1d, fileRate: 800 files/s,"
                + " bandwidth: 100MB/s, offsite: true, offsiteDelay: 1d}").backups();
        assertThat(full).isEqualTo(new BackupPolicy(BackupPolicy.Kind.FULL, 24, 24, 2, 800, 100e6,
                Double.POSITIVE_INFINITY, true, 24, 2));
        BackupPolicy inc = bind(STORAGE, "backups={policy: incremental, interval: 1d, fullInterval: 1w,"
                + " retainedCopies: 4}").backups();
        assertThat(inc).isEqualTo(new BackupPolicy(BackupPolicy.Kind.INCREMENTAL, 168, 24, 2, 1000, 200e6, 10_000,
                false, 0, 4));
        BackupPolicy snap = bind(STORAGE, "backups={policy: snapshot, interval: 1h, offsite: true, startOffset: 0}")
                .backups();
        assertThat(snap.kind()).isEqualTo(BackupPolicy.Kind.SNAPSHOT);
        assertThat(snap.slotIntervalHours()).isEqualTo(1);
        assertThat(snap.retainedCopies()).isEqualTo(1);
        assertThat(snap.filesPerSecond()).isInfinite();
        Problem notMultiple = problems(STORAGE, "backups={policy: incremental, interval: 2d, fullInterval: 1w}")
                .get(0);
        assertThat(notMultiple.keyPath()).isEqualTo("backups.fullInterval");
        assertThat(notMultiple.message()).contains("whole multiple");
    }

    @Test
    void costsOverrideThePreset() {
        CostSpec c = bind(STORAGE, "costs={preset: 2008, disk: 150, hardwareLife: 4y, currency: KRW}").costs();
        CostSpec p = KnownPresets.PRICES_2008;
        assertThat(c).isEqualTo(new CostSpec("KRW", 150, p.serverPrice(), p.backupStoragePricePerTB(), 4,
                p.powerPerDiskYear(), p.restockFeePerDisk(), p.backupOperationPerTBYear(), p.engineerHourRate(),
                p.compensationPerUserHour(), p.compensationPerUserWithLoss()));
    }

    @Test
    void inconsistentCombinationsAllAtOnceAndLocated() {
        List<Problem> p = problems(STORAGE + """
                  rebuild: {time: 12h, loadFactor: 0.5}
                  spares: {count: 2}
                  correlated:
                    lots:
                      - {name: a, fraction: 0.7, hazardMultiplier: 2}
                      - {name: b, fraction: 0.6, hazardMultiplier: 3}
                    shocks:
                      - {kind: power, rate: 1/y, effect: offline}
                      - {kind: enclosure, rate: 1/y, disks: 9, offlineTime: 1h}
                faults:
                  - {at: 1d, kind: array-loss, disks: 2}
                  - {at: 1d, kind: group-outage, array: 1, duration: 1h}
                """);
        assertThat(p).extracting(Problem::keyPath).containsExactly("storage.rebuild.loadFactor",
                "storage.spares.count", "storage.correlated.lots", "storage.correlated.shocks[0].effect",
                "storage.correlated.shocks[1].disks", "storage.correlated.shocks[1].offlineTime",
                "faults[0].disks", "faults[1].array");
        assertThat(p).extracting(Problem::line).containsExactly(8, 9, 12, 15, 16, 16, 18, 19);
        assertThat(p.get(0).message()).contains("applies only to rate-based rebuilds");
        assertThat(p.get(1).message()).contains("storage.spares.kind is none");
        assertThat(p.get(2).message()).contains("add up to 1.3");
        assertThat(p.get(3).message()).contains("needs 'offlineTime'");
        assertThat(p.get(4).message()).contains("an array has only 8");
        assertThat(p.get(6).message()).contains("does not apply to a array-loss");
    }

    @Test
    void usedDataNeedsUsers() {
        Problem p = problems(STORAGE, "storage.rebuild.reads=used-data").get(0);
        assertThat(p.keyPath()).isEqualTo("storage.rebuild.reads");
        assertThat(p.message()).contains("users.count is 0");
    }

    @Test
    void scenarioAsRunBindsToTheSameSpec() {
        Scenario s = Scenario.parse(STORAGE + """
                  spares: {kind: cold, count: 2}
                  correlated:
                    aftershock: {burstFraction: 5%}
                users: {count: 5000}
                operations: {preset: dreamwiz-2008, detection: 2h}
                backups: {policy: incremental}
                costs: {preset: 2008}
                """, "s.yaml", Path.of("."), List.of("storage.rebuild.reads=used-data"));
        PortalSpec once = ScenarioBinding.bind(s);
        PortalSpec again = ScenarioBinding.bind(Scenario.parse(s.toYaml()));
        assertThat(again.storage()).isEqualTo(once.storage());
        assertThat(again.runbook()).isEqualTo(once.runbook());
        assertThat(again.backups()).isEqualTo(once.backups());
        assertThat(again.costs()).isEqualTo(once.costs());
        assertThat(again.mail()).isEqualTo(once.mail());
    }

    /** Every scenario of the library binds, and its scenario as run (report's copy) binds to the same spec. */
    @Test
    void libraryBindsAndItsScenarioAsRunBindsTheSame() throws java.io.IOException {
        Path library = Path.of("../scenarios");
        List<Path> files;
        try (var walk = java.nio.file.Files.walk(library)) {
            files = walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        for (Path f : files) {
            Scenario s = Scenario.load(f);
            PortalSpec once = ScenarioBinding.bind(s);
            PortalSpec again = ScenarioBinding.bind(Scenario.parse(s.toYaml()));
            assertThat(again.storage()).as(f.toString()).isEqualTo(once.storage());
            assertThat(again.mail()).as(f.toString()).isEqualTo(once.mail());
            assertThat(again.runbook()).as(f.toString()).isEqualTo(once.runbook());
            assertThat(again.backups()).as(f.toString()).isEqualTo(once.backups());
            assertThat(again.costs()).as(f.toString()).isEqualTo(once.costs());
            assertThat(again.tierOutages()).as(f.toString()).isEqualTo(once.tierOutages());
        }
    }

    @Test
    void usableCapacityDerivesTheGroupsOfEachLayout() {
        // 16 TB disks, 5,120 TB usable: RAID-6 of 10 holds 8 x 16 = 128 TB (40 groups); RAID-5 of 14 holds 208 TB
        // (24.6: 25 groups); RAID-10 of 6 holds 48 TB (106.7: 107); a 6+3 erasure code 96 TB (53.3: 54); two
        // RAID-6 arrays per group of 10 hold 256 TB (20).
        String base = """
                name: capacity
                storage:
                  usableCapacity: 5120TB
                  raid: {level: raid6, width: 10}
                  disk: {capacity: 16TB, lifetime: 100y}
                users: {count: 2000000}
                """;
        assertThat(bind(base).storage().groups()).isEqualTo(40);
        assertThat(bind(base, "storage.raid={level: raid5, width: 14}").storage().groups()).isEqualTo(25);
        assertThat(bind(base, "storage.raid={level: raid10, width: 6}").storage().groups()).isEqualTo(107);
        assertThat(bind(base, "storage.raid={level: erasure, width: 9, data: 6, parity: 3}").storage().groups())
                .isEqualTo(54);
        assertThat(bind(base, "storage.arraysPerGroup=2").storage().groups()).isEqualTo(20);
        PortalSpec raid10 = bind(base, "storage.raid={level: raid10, width: 6}");
        assertThat(raid10.mail().sharding().groups()).isEqualTo(107);
        assertThat(raid10.extent().usableTerabytes()).isCloseTo(107 * 48, within(1e-9));
        // Both given is refused, naming the keys.
        // Scripted faults address the derived groups: 0 .. 39 for RAID-6 of 10.
        String fault = "faults=[{at: 1h, kind: array-loss, group: %d}]";
        assertThat(bind(base, String.format(fault, 39)).storage().faults()).hasSize(1);
        assertThat(problems(base, String.format(fault, 40))).extracting(Problem::message).anySatisfy(m ->
                assertThat(m).contains("group 40 does not exist").contains("40 storage groups"));
        assertThat(problems(base, "storage.groups=40")).extracting(Problem::message).anySatisfy(m ->
                assertThat(m).contains("storage.usableCapacity").contains("both given"));
    }
}
