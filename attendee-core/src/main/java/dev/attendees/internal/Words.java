package dev.attendees.internal;

/**
 * Whole-word search in text, without a regular expression per word: the same answer as finding
 * {@code (?<![\p{L}\p{N}])word(?![\p{L}\p{N}])}, at the cost of {@link String#indexOf}.
 */
public final class Words {
    private Words() {}

    /**
     * Whether {@code word} occurs in {@code text} with no letter or number (of any script) right
     * before or after it. Case-sensitive: lower-case both first to ignore case.
     */
    public static boolean containsWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !isWordPart(text.codePointBefore(at))) && (end == text.length() || !isWordPart(text.codePointAt(end)))) {
                return true;
            }
            if (at == text.length()) {
                return false; // an empty word at the end: indexOf would find it there again
            }
        }
        return false;
    }

    /** A letter or a number: {@code \p{L}} or {@code \p{N}}. */
    private static boolean isWordPart(int codePoint) {
        if (Character.isLetter(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }
}
