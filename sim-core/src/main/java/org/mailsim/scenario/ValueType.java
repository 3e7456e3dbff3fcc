package org.mailsim.scenario;

/** What a scenario key holds. The Java type an accessor returns is given for each. */
public enum ValueType {
    /** Free text: String. */
    STRING("text", null),
    /** One of a fixed set of words: String. */
    CHOICE("one of the listed words", null),
    /** true or false: Boolean. */
    BOOLEAN("true or false", null),
    /** A whole number: Long. */
    INT("a whole number", null),
    /** A plain number without unit: Double. */
    NUMBER("a number", null),
    /** A number or a percentage (20% = 0.2): Double. */
    FRACTION("a number or a percentage such as 0.2 or 20%", null),
    /** A fraction in [0, 1], or a percentage: Double. */
    PROBABILITY("a probability such as 0.02 or 2%", null),
    /** Hours: Double. */
    DURATION(null, Quantity.DURATION),
    /** Bytes: Double. */
    SIZE(null, Quantity.SIZE),
    /** Bytes per second: Double. */
    BANDWIDTH(null, Quantity.BANDWIDTH),
    /** Files per second: Double. */
    FILE_RATE(null, Quantity.FILE_RATE),
    /** Events per hour: Double. */
    RATE(null, Quantity.RATE),
    /** A list of plain numbers: List&lt;Double&gt;. */
    NUMBER_LIST("a list of numbers such as [1, 2.5, 3]", null),
    /** A distribution block: org.mailsim.random.Distribution. */
    DISTRIBUTION("a distribution block such as {distribution: exponential, mean: 5y}", null),
    /** A list of maps, each with its own keys (key paths written path[].key): List&lt;Section&gt;. */
    SECTION_LIST("a list of maps", null),
    /** A map from key path to a list of values to try: Map&lt;String, List&lt;String&gt;&gt;. */
    SWEEP("a map from key path to a list of values, such as {storage.raid.level: [raid5, raid6]}", null);

    private final String accepted;
    private final Quantity quantity;

    ValueType(String accepted, Quantity quantity) {
        this.accepted = accepted;
        this.quantity = quantity;
    }

    /** The quantity of a unit-carrying type, or null. */
    public Quantity quantity() {
        return quantity;
    }

    /** A phrase for "what is accepted". */
    public String accepted() {
        return quantity != null ? quantity.article() + " such as " + quantity.examples() : accepted;
    }

    /** True for types whose value is a double in a base unit (range checks apply). */
    public boolean isNumeric() {
        return quantity != null || this == INT || this == NUMBER || this == FRACTION || this == PROBABILITY;
    }
}
