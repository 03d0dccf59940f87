package dev.attendees.cli;

/**
 * Text from the data, a question or a model made safe to print on a terminal: control characters
 * (escape sequences that could move the cursor, retitle the window or hide text) are shown as
 * {@code \u001b}-style escapes instead of being obeyed.
 */
final class Terminal {
    private Terminal() {}

    /** {@code text} with every control character escaped; {@code null} as an empty string. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                    || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
            if (control && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (control) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
