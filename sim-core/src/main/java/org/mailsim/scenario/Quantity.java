package org.mailsim.scenario;

/** The kinds of quantity a scenario writes with a unit, and the base unit each is converted to. */
public enum Quantity {
    DURATION("a duration", "hours", "30m, 12h, 5d, 2w, 10y (units s, m, h, d, w, y; 1y = 365d)"),
    SIZE("a size", "bytes", "4TB, 500GB, 4TiB (units B, kB, MB, GB, TB, PB, EB decimal; KiB, MiB, GiB, TiB, PiB, EiB binary)"),
    BANDWIDTH("a bandwidth", "bytes/s", "50MB/s, 1GiB/s (a size unit per second)"),
    FILE_RATE("a file rate", "files/s", "2000 files/s, 5e6 files/h"),
    RATE("a rate of events", "per hour", "1.08e-4/h, 40/d, 0.5/y (events per s, m, h, d, w or y)");

    private final String article;
    private final String baseUnit;
    private final String examples;

    Quantity(String article, String baseUnit, String examples) {
        this.article = article;
        this.baseUnit = baseUnit;
        this.examples = examples;
    }

    /** "a duration", "a size", ... */
    public String article() {
        return article;
    }

    /** The unit values are converted to: hours, bytes, bytes/s, files/s, per hour. */
    public String baseUnit() {
        return baseUnit;
    }

    public String examples() {
        return examples;
    }
}
