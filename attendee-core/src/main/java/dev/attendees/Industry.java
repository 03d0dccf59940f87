package dev.attendees;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The industry list of the data contract. {@link #label()} is the exact text stored in files and
 * databases.
 *
 * <pre>{@code
 * Industry i = Industry.fromLabel("Financial Services"); // FINANCIAL_SERVICES
 * }</pre>
 */
public enum Industry {
    TECHNOLOGY("Technology"),
    CYBERSECURITY("Cybersecurity"),
    FINANCIAL_SERVICES("Financial Services"),
    HEALTHCARE("Healthcare"),
    RETAIL_AND_E_COMMERCE("Retail & E-commerce"),
    MANUFACTURING("Manufacturing"),
    TELECOMMUNICATIONS("Telecommunications"),
    MEDIA_AND_ENTERTAINMENT("Media & Entertainment"),
    EDUCATION("Education"),
    GOVERNMENT_AND_PUBLIC_SECTOR("Government & Public Sector"),
    ENERGY_AND_UTILITIES("Energy & Utilities"),
    TRANSPORTATION_AND_LOGISTICS("Transportation & Logistics"),
    CONSULTING_AND_PROFESSIONAL_SERVICES("Consulting & Professional Services"),
    NON_PROFIT("Non-profit"),
    REAL_ESTATE("Real Estate");

    private static final Map<String, Industry> BY_LABEL = byLabel();

    private final String label;

    Industry(String label) {
        this.label = label;
    }

    private static Map<String, Industry> byLabel() {
        Map<String, Industry> byLabel = new java.util.HashMap<>();
        for (Industry value : values()) {
            byLabel.put(value.label, value);
        }
        return Map.copyOf(byLabel);
    }

    /** The contract's text for this industry, e.g. {@code "Retail & E-commerce"}. */
    public String label() {
        return label;
    }

    /** The industry whose label is exactly {@code label}, if any. */
    public static Optional<Industry> find(String label) {
        return Optional.ofNullable(label == null ? null : BY_LABEL.get(label));
    }

    /**
     * The industry whose label is exactly {@code label}.
     *
     * @throws ConfigurationException naming the value and the allowed labels
     */
    public static Industry fromLabel(String label) {
        return find(label).orElseThrow(() -> new ConfigurationException(
                "unknown industry '" + label + "'; expected one of " + labels()));
    }

    /** All labels in contract order, comma-separated. */
    public static String labels() {
        return Stream.of(values()).map(Industry::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
