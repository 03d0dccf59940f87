package dev.attendees.llm.internal;

/** Makes text from a model safe to show on one line of a log or a terminal. */
public final class Escape {
    private static final int MAX = 300;

    private Escape() {}

    /**
     * Whether {@code text} holds a character that must not reach a terminal or a file as it is: a C0
     * or C1 control (newlines, escape sequences, the 8-bit CSI), a line or paragraph separator, or a
     * bidirectional embedding, override or isolate (which shows text in another order than it is).
     */
    public static boolean hasUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean unsafe(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c >= '\u202a' && c <= '\u202e'
                || c >= '\u2066' && c <= '\u2069';
    }

    /**
     * Characters of {@link #hasUnsafe} (newlines, escape sequences that could move a terminal's cursor) as
     * {@code \\uXXXX}, and at most {@value #MAX} characters; {@code null} gives {@code "-"}.
     */
    public static String oneLine(String text) {
        if (text == null) {
            return "-";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX) + 8);
        for (int i = 0; i < text.length() && sb.length() < MAX; i++) {
            char c = text.charAt(i);
            if (unsafe(c)) {
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
