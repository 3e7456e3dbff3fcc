package org.mailsim.report.replay;

import java.util.ArrayList;
import java.util.List;
import org.mailsim.files.Csv;

/**
 * replay.csv: one row per variant (the base first) with its postmortem figures: hours to restore send/receive and
 * to full recovery (mean, min, max over replications), means per replication of mails lost, users affected, users
 * with loss, mails deferred and bounced, user-hours without access, and cost. Empty cells for figures that do not
 * exist. Phases are in replay.json.
 */
public final class ReplayCsv {
    static final String HEADER = "variant,whatIf,replications,hoursToRestoreService,hoursToRestoreServiceMin,"
            + "hoursToRestoreServiceMax,hoursToFullRecovery,hoursToFullRecoveryMin,hoursToFullRecoveryMax,mailsLost,"
            + "usersAffected,usersWithLoss,mailsDeferred,mailsBounced,userHoursUnavailable,totalCost,mailsFailedToSend";

    private ReplayCsv() {
    }

    public static String render(ReplayReport replay) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(HEADER.split(",")));
        for (ReplayVariant v : replay.variants()) {
            ReplayFigures f = v.figures();
            List<String> row = new ArrayList<>(List.of(v.name(), v.whatIf(), Long.toString(f.replications())));
            for (double x : new double[] {f.hoursToRestoreService().mean(), f.hoursToRestoreService().min(),
                f.hoursToRestoreService().max(), f.hoursToFullRecovery().mean(), f.hoursToFullRecovery().min(),
                f.hoursToFullRecovery().max(), f.mailsLost(), f.usersAffected(), f.usersWithLoss(),
                f.mailsDeferred(), f.mailsBounced(), f.userHoursUnavailable(), f.totalCost(), f.mailsFailedToSend()}) {
                row.add(Csv.number(x));
            }
            rows.add(row);
        }
        return Csv.write(rows);
    }
}
