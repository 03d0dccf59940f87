package dev.attendees;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The company size list of the data contract, by number of employees.
 *
 * <pre>{@code
 * CompanySize s = CompanySize.fromLabel("Mid-Market"); // MID_MARKET, 501 to 5,000 employees
 * }</pre>
 */
public enum CompanySize {
    /** 1 to 50 employees. */
    STARTUP("Startup", 1, 50),
    /** 51 to 500 employees. */
    SMB("SMB", 51, 500),
    /** 501 to 5,000 employees. */
    MID_MARKET("Mid-Market", 501, 5_000),
    /** More than 5,000 employees. */
    ENTERPRISE("Enterprise", 5_001, Integer.MAX_VALUE);

    private static final Map<String, CompanySize> BY_LABEL = byLabel();

    private final String label;
    private final int minEmployees;
    private final int maxEmployees;

    CompanySize(String label, int minEmployees, int maxEmployees) {
        this.label = label;
        this.minEmployees = minEmployees;
        this.maxEmployees = maxEmployees;
    }

    private static Map<String, CompanySize> byLabel() {
        Map<String, CompanySize> byLabel = new java.util.HashMap<>();
        for (CompanySize value : values()) {
            byLabel.put(value.label, value);
        }
        return Map.copyOf(byLabel);
    }

    /** The contract's text for this size, e.g. {@code "Mid-Market"}. */
    public String label() {
        return label;
    }

    /** The smallest head count of this size. */
    public int minEmployees() {
        return minEmployees;
    }

    /** The largest head count of this size ({@link Integer#MAX_VALUE} for {@link #ENTERPRISE}). */
    public int maxEmployees() {
        return maxEmployees;
    }

    /** The size whose label is exactly {@code label}, if any. */
    public static Optional<CompanySize> find(String label) {
        return Optional.ofNullable(label == null ? null : BY_LABEL.get(label));
    }

    /**
     * The size whose label is exactly {@code label}.
     *
     * @throws ConfigurationException naming the value and the allowed labels
     */
    public static CompanySize fromLabel(String label) {
        return find(label).orElseThrow(() -> new ConfigurationException(
                "unknown company size '" + label + "'; expected one of " + labels()));
    }

    /** All labels in contract order, comma-separated. */
    public static String labels() {
        return Stream.of(values()).map(CompanySize::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
