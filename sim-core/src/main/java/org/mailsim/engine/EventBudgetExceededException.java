package org.mailsim.engine;

import java.util.Locale;

/** A run fired more events than its budget allows: almost always a model that schedules without end. */
public final class EventBudgetExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long budget;
    private final double simulatedTime;

    public EventBudgetExceededException(long budget, double simulatedTime) {
        this(budget, simulatedTime, "", "raise the budget only if the run really needs more");
    }

    /**
     * The same failure told in the words of the layer that knows how the budget is set: {@code where} before the
     * message (e.g. "replication 3: "), {@code advice} after it.
     */
    public EventBudgetExceededException(long budget, double simulatedTime, String where, String advice) {
        super(String.format(Locale.ROOT,
                "%sevent budget of %,d events exhausted at simulated time %.6g h: the model keeps scheduling events "
                        + "(a zero or negative delay in a loop?), or needs more; %s",
                where, budget, simulatedTime, advice));
        this.budget = budget;
        this.simulatedTime = simulatedTime;
    }

    public long budget() {
        return budget;
    }

    public double simulatedTime() {
        return simulatedTime;
    }
}
