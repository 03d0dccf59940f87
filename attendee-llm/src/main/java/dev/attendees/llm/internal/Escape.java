package dev.attendees.llm.internal;

/** Makes text from a model safe to show on one line of a log or a terminal. */
public final class Escape {
    private static final int MAX = 300;

    private Escape() {}

    /**
     * Control characters (newlines, escape sequences that could move a terminal's cursor) as
     * {@code \\uXXXX}, and at most {@value #MAX} characters; {@code null} gives {@code "-"}.
     */
    public static String oneLine(String text) {
        if (text == null) {
            return "-";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX) + 8);
        for (int i = 0; i < text.length() && sb.length() < MAX; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u202e') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (sb.length() >= MAX && text.length() > MAX) {
            sb.append("...");
        }
        return sb.toString();
    }
}
