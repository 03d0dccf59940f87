package dev.attendees.internal;

/**
 * How a company spells its staff's addresses. Patterns of one family need the same uniqueness:
 * full-name patterns need a distinct (first, last) pair per person, initial patterns a distinct
 * (initial, last) pair; the engine draws each family's keys from its own bijection.
 */
enum EmailPattern {
    FIRST_DOT_LAST("first.last", false, 40),
    FIRST_UNDERSCORE_LAST("first_last", false, 6),
    FIRST_DASH_LAST("first-last", false, 3),
    LAST_DOT_FIRST("last.first", false, 3),
    FLAST("flast", true, 24),
    F_DOT_LAST("f.last", true, 9),
    LASTF("lastf", true, 4);

    final String id;
    /** Whether the pattern uses only the first initial of the first name. */
    final boolean initial;
    /** How common the pattern is among companies (relative weight). */
    final double weight;

    EmailPattern(String id, boolean initial, double weight) {
        this.id = id;
        this.initial = initial;
        this.weight = weight;
    }

    static EmailPattern fromId(String id) {
        for (EmailPattern p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown e-mail pattern " + id);
    }

    /**
     * Appends the local part with a middle initial ({@code john.a.smith}, {@code jasmith},
     * {@code smithja}); {@code middle == 0} means none.
     */
    void append(StringBuilder sb, String first, String last, char middle) {
        boolean m = middle != 0;
        switch (this) {
            case FIRST_DOT_LAST -> separated(sb, first, last, middle, '.');
            case FIRST_UNDERSCORE_LAST -> separated(sb, first, last, middle, '_');
            case FIRST_DASH_LAST -> separated(sb, first, last, middle, '-');
            case LAST_DOT_FIRST -> {
                sb.append(last).append('.').append(first);
                if (m) {
                    sb.append('.').append(middle);
                }
            }
            case FLAST -> {
                sb.append(first.charAt(0));
                if (m) {
                    sb.append(middle);
                }
                sb.append(last);
            }
            case F_DOT_LAST -> {
                sb.append(first.charAt(0)).append('.');
                if (m) {
                    sb.append(middle).append('.');
                }
                sb.append(last);
            }
            case LASTF -> {
                sb.append(last).append(first.charAt(0));
                if (m) {
                    sb.append(middle);
                }
            }
        }
    }

    private static void separated(StringBuilder sb, String first, String last, char middle, char separator) {
        sb.append(first).append(separator);
        if (middle != 0) {
            sb.append(middle).append(separator);
        }
        sb.append(last);
    }

    /**
     * Whether the middle-initial form of (first, last) could spell another person's plain form:
     * {@code jasmith} is {@code j} + {@code asmith} if "Asmith" is a last name. Separated patterns
     * never clash (they have one more separator).
     */
    boolean middleClashes(String first, String last, char middle, java.util.Set<String> lastNames) {
        return switch (this) {
            case FLAST -> lastNames.contains(middle + last);
            case LASTF -> lastNames.contains(last + first.charAt(0));
            default -> false;
        };
    }
}
