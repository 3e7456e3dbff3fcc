package org.mailsim.portal;

import java.util.List;
import java.util.Objects;
import org.mailsim.engine.Simulator;
import org.mailsim.model.mail.MailConfig;
import org.mailsim.model.operations.BackupPolicy;
import org.mailsim.model.operations.CostSpec;
import org.mailsim.model.operations.Runbook;
import org.mailsim.model.operations.SelfBackup;
import org.mailsim.model.storage.Horizon;
import org.mailsim.model.storage.StorageSpec;

/**
 * Everything one run of a mail portal needs, already validated and in base units (hours, bytes): the run
 * settings, the storage, the users and their mail ({@code mail} is null for a storage-only run without users), the
 * operations runbook, backups, users' own backups, prices, scripted service-tier outages, and the event budget
 * of one replication (scenario key {@code maxEvents}).
 */
public record PortalSpec(String name, long seed, int replications, Horizon horizon, StorageSpec storage,
                         MailConfig mail, Runbook runbook, BackupPolicy backups, SelfBackup selfBackup,
                         CostSpec costs, List<TierOutage> tierOutages, long eventBudget) {
    /** A spec with the default event budget ({@link Simulator#DEFAULT_EVENT_BUDGET}). */
    public PortalSpec(String name, long seed, int replications, Horizon horizon, StorageSpec storage,
            MailConfig mail, Runbook runbook, BackupPolicy backups, SelfBackup selfBackup, CostSpec costs,
            List<TierOutage> tierOutages) {
        this(name, seed, replications, horizon, storage, mail, runbook, backups, selfBackup, costs, tierOutages,
                Simulator.DEFAULT_EVENT_BUDGET);
    }

    public PortalSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(runbook, "runbook");
        Objects.requireNonNull(backups, "backups");
        Objects.requireNonNull(selfBackup, "selfBackup");
        Objects.requireNonNull(costs, "costs");
        tierOutages = List.copyOf(tierOutages);
        if (eventBudget < 1) {
            throw new IllegalArgumentException("the event budget must be at least 1 event, got " + eventBudget);
        }
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be at least 1, got " + replications);
        }
        if (storage.repair().lostArrayReplacement() != null) {
            throw new IllegalArgumentException("in a portal run the operations runbook replaces lost arrays; "
                    + "the storage repair spec must leave lostArrayReplacement null");
        }
        if (mail != null && mail.sharding().groups() != storage.groups()) {
            throw new IllegalArgumentException("users are sharded over " + mail.sharding().groups()
                    + " groups but the storage has " + storage.groups());
        }
    }

    /** The run's horizon, arrays and usable capacity, for figures per year, per array and per usable TB. */
    public org.mailsim.run.RunExtent extent() {
        return new org.mailsim.run.RunExtent(horizon.hours(), horizon.untilFirstDataLoss(), storage.arrays(),
                storage.arrays() * storage.arrayDataBytes() / 1e12);
    }

    /** True when the run has users (and so mail metrics). */
    public boolean hasUsers() {
        return mail != null;
    }

    /** A scripted outage of a whole service tier (database, webmail or MTA) from {@code atHours} for {@code hours}. */
    public record TierOutage(Tier tier, double atHours, double hours) {
        public TierOutage {
            Objects.requireNonNull(tier, "tier");
            if (!(atHours >= 0) || !(hours > 0)) {
                throw new IllegalArgumentException("a tier outage needs at >= 0 and a positive duration, got at "
                        + atHours + " h for " + hours + " h");
            }
        }
    }

    /** The tiers in front of storage whose outage the mail layer models. */
    public enum Tier { WEBMAIL, DATABASE, MTA }
}
