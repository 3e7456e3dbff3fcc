package org.mailsim.engine;

/** A run fired more events than its budget allows: almost always a model that schedules without end. */
public final class EventBudgetExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long budget;
    private final double simulatedTime;

    public EventBudgetExceededException(long budget, double simulatedTime) {
        super(String.format(
                "event budget of %,d events exhausted at simulated time %.6g h: the model keeps scheduling events "
                        + "(a zero or negative delay in a loop?); raise the budget only if the run really needs more",
                budget, simulatedTime));
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
