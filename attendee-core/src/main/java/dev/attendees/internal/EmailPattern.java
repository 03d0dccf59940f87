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

    /** Appends the local part (before any tier digits) to {@code sb}. */
    void append(StringBuilder sb, String first, String last) {
        switch (this) {
            case FIRST_DOT_LAST -> sb.append(first).append('.').append(last);
            case FIRST_UNDERSCORE_LAST -> sb.append(first).append('_').append(last);
            case FIRST_DASH_LAST -> sb.append(first).append('-').append(last);
            case LAST_DOT_FIRST -> sb.append(last).append('.').append(first);
            case FLAST -> sb.append(first.charAt(0)).append(last);
            case F_DOT_LAST -> sb.append(first.charAt(0)).append('.').append(last);
            case LASTF -> sb.append(last).append(first.charAt(0));
        }
    }
}
