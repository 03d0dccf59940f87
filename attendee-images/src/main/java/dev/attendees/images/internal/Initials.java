package dev.attendees.images.internal;

import dev.attendees.Attendee;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An attendee's initials for the avatar's badge: the first letters of the first and last names in
 * the name's own script when the font can draw them ({@code Владислав Максимов} → {@code ВМ}); one
 * character, the family name's, for names written in Chinese characters or kana ({@code 松野 新} →
 * {@code 松}); and when the font lacks the script, the romanized initials of the e-mail address
 * ({@code arata.matsuno@...} → {@code AM}). Titles ({@code Dr.}) and suffixes ({@code Jr.}) are
 * skipped; {@code ""} when nothing fits.
 */
public final class Initials {
    private static final Set<String> SKIPPED = Set.of(
            "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "jr", "sr", "ii", "iii", "iv", "phd", "md", "esq");

    private Initials() {}

    /** The initials of {@code attendee}, drawable with {@code font} (none drawable: {@code null} font). */
    public static String of(Attendee attendee, Font font) {
        Predicate<String> drawable = text -> font != null && font.canDisplayUpTo(text) == -1;
        String fromName = fromName(attendee.name());
        if (!fromName.isEmpty() && drawable.test(fromName)) {
            return fromName;
        }
        String fromEmail = fromEmail(attendee.email());
        return drawable.test(fromEmail) ? fromEmail : "";
    }

    /** The initials a name gives, in its own script. */
    static String fromName(String name) {
        List<String> tokens = new ArrayList<>();
        for (String token : name.strip().split("\\s+")) {
            String bare = token.replace(".", "").replace(",", "").toLowerCase(Locale.ROOT);
            if (!token.isEmpty() && !SKIPPED.contains(bare) && firstLetter(token) >= 0) {
                tokens.add(token);
            }
        }
        if (tokens.isEmpty()) {
            return "";
        }
        int first = firstLetter(tokens.get(0));
        if (isCjk(first)) {
            // Family name first, and initials are not a custom: its first character alone.
            return new String(Character.toChars(first));
        }
        String initials = upper(first);
        if (tokens.size() > 1) {
            initials += upper(firstLetter(tokens.get(tokens.size() - 1)));
        }
        return initials;
    }

    /** Romanized initials from the address's local part: {@code maria.keller} → MK, {@code mkeller} → M. */
    static String fromEmail(String email) {
        int at = email.indexOf('@');
        String local = (at >= 0 ? email.substring(0, at) : email).toLowerCase(Locale.ROOT);
        List<String> parts = new ArrayList<>();
        for (String part : local.split("[._+\\-]+")) {
            String letters = part.replaceAll("[^a-z]", "");
            if (!letters.isEmpty()) {
                parts.add(letters);
            }
        }
        if (parts.isEmpty()) {
            return "";
        }
        String initials = parts.get(0).substring(0, 1);
        if (parts.size() > 1) {
            initials += parts.get(parts.size() - 1).charAt(0);
        }
        return initials.toUpperCase(Locale.ROOT);
    }

    private static int firstLetter(String token) {
        return token.codePoints().filter(Character::isLetter).findFirst().orElse(-1);
    }

    private static String upper(int codePoint) {
        return new String(Character.toChars(codePoint)).toUpperCase(Locale.ROOT);
    }

    private static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
