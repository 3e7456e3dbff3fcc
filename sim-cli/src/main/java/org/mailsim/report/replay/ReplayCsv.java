package org.mailsim.report.replay;

import java.util.Locale;

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
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (ReplayVariant v : replay.variants()) {
            ReplayFigures f = v.figures();
            out.append(quote(v.name())).append(',').append(quote(v.whatIf())).append(',').append(f.replications());
            for (double x : new double[] {f.hoursToRestoreService().mean(), f.hoursToRestoreService().min(),
                f.hoursToRestoreService().max(), f.hoursToFullRecovery().mean(), f.hoursToFullRecovery().min(),
                f.hoursToFullRecovery().max(), f.mailsLost(), f.usersAffected(), f.usersWithLoss(),
                f.mailsDeferred(), f.mailsBounced(), f.userHoursUnavailable(), f.totalCost(), f.mailsFailedToSend()}) {
                out.append(',').append(number(x));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Round-trip decimal without grouping; empty for NaN and infinities. */
    static String number(double x) {
        if (!Double.isFinite(x)) {
            return "";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.format(Locale.ROOT, "%.0f", x);
        }
        return Double.toString(x);
    }

    static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
