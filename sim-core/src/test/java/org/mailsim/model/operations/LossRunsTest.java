package org.mailsim.model.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.mailsim.model.mail.MailConfig;
import org.mailsim.model.mail.MailService;
import org.mailsim.model.mail.MailboxProfile;

/**
 * Users hit when the unrecovered mail comes in runs of adjacent files (issue 12.7), against a brute-force layout:
 * 200,000 mailboxes drawn from the default profile laid end to end, runs of a fixed length starting as a Poisson
 * process along the files, every mailbox a run overlaps counted once.
 */
class LossRunsTest {
    private static final int USERS = 200_000;

    @Test
    void usersHitByRunsOfLostFilesMatchABruteForceLayout() {
        MailboxProfile profile = MailboxProfile.defaults();
        MailService mail = new MailService(MailConfig.defaults(50_000, 1).withMailbox(profile));
        GroupContents contents = new GroupContents() {
            @Override
            public int groups() {
                return 1;
            }

            @Override
            public double users(int group) {
                return mail.users(group);
            }

            @Override
            public double files(int group, double t) {
                return mail.files(group, t);
            }

            @Override
            public double bytes(int group, double t) {
                return mail.bytes(group, t);
            }

            @Override
            public double filesWritten(int group, double from, double to) {
                return 0;
            }

            @Override
            public double fractionOfUsersUntouched(int group, double t, double q) {
                return mail.fractionOfUsersUntouched(group, t, q);
            }
        };
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261202L);
        ContinuousSampler sizes = profile.messages().sampler(rng);
        double[] start = new double[USERS + 1]; // mailbox i holds files [start[i], start[i + 1])
        for (int i = 0; i < USERS; i++) {
            start[i + 1] = start[i] + sizes.sample();
        }
        double total = start[USERS];
        for (double q : new double[] {0.02, 0.05}) {
            double scattered = 1 - contents.fractionOfUsersUntouched(0, 0, q);
            for (double runFiles : new double[] {10, 300, 3000}) {
                // Runs of fixed length B start at rate lambda per file; a file is lost when a run covers it, with
                // probability 1 - exp(-lambda B) = q.
                double lambda = -Math.log1p(-q) / runFiles;
                boolean[] hit = new boolean[USERS];
                double x = -runFiles;
                while (true) {
                    x += -Math.log(1 - rng.nextDouble()) / lambda;
                    if (x >= total) {
                        break;
                    }
                    int first = mailboxAt(start, Math.max(0, x));
                    int last = mailboxAt(start, Math.min(total, x + runFiles) - 1e-9);
                    for (int i = first; i <= last; i++) {
                        hit[i] = true;
                    }
                }
                int n = 0;
                for (boolean h : hit) {
                    n += h ? 1 : 0;
                }
                double simulated = (double) n / USERS;
                double formula = 1 - contents.fractionOfUsersUntouchedByRuns(0, 0, q, runFiles);
                // Binomial standard error; neighbours share a run only when it spans a boundary, so the hits are
                // close to independent. 4.5 standard errors: a fixed seed, false failure below 1e-5 per case.
                double se = Math.sqrt(simulated * (1 - simulated) / USERS);
                assertThat(formula).as("q %s, runs of %s files", q, runFiles).isCloseTo(simulated, within(4.5 * se));
                // Runs hit fewer users than scattered files; long runs about a fraction q of them.
                assertThat(formula).isLessThan(scattered);
            }
        }
    }

    /** Index of the mailbox holding file position {@code x}. */
    private static int mailboxAt(double[] start, double x) {
        int i = Arrays.binarySearch(start, x);
        return Math.min(start.length - 2, i >= 0 ? i : -i - 2);
    }
}
