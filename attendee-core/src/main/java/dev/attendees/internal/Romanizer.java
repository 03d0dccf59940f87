package dev.attendees.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a name into the plain lower-case ASCII used in e-mail local parts: German umlauts as
 * {@code ae/oe/ue} (Müller → mueller), other accents dropped (José → jose), Cyrillic transliterated
 * (Смирнов → smirnov), and everything but {@code a-z} removed (O'Brien → obrien). Japanese names
 * are romanized from a table instead ({@code names/ja-romaji.json}).
 */
public final class Romanizer {
    private static final Map<Character, String> SPECIAL = Map.ofEntries(
            Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('Æ', "ae"), Map.entry('ø', "o"),
            Map.entry('Ø', "o"), Map.entry('œ', "oe"), Map.entry('Œ', "oe"), Map.entry('ł', "l"),
            Map.entry('Ł', "l"), Map.entry('đ', "d"), Map.entry('Đ', "d"), Map.entry('þ', "th"),
            Map.entry('ı', "i"), Map.entry('ð', "d"));

    private static final Map<Character, String> GERMAN = Map.of(
            'ä', "ae", 'ö', "oe", 'ü', "ue", 'Ä', "ae", 'Ö', "oe", 'Ü', "ue");

    private static final String[] CYRILLIC = new String[64];

    static {
        String[] lower = {
            "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
            "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"
        };
        for (int i = 0; i < 32; i++) {
            CYRILLIC[i] = lower[i];
            CYRILLIC[i + 32] = lower[i];
        }
    }

    private Romanizer() {}

    /**
     * The ASCII form of {@code name} for the given language ({@code "de"} selects the umlaut rule).
     * May be empty when nothing of the name is Latin, Cyrillic or accented Latin.
     */
    public static String ascii(String name, String language) {
        boolean german = "de".equals(language);
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 128) {
                if (c >= 'A' && c <= 'Z') {
                    out.append((char) (c + 32));
                } else if (c >= 'a' && c <= 'z') {
                    out.append(c);
                }
                continue;
            }
            String mapped = german ? GERMAN.get(c) : null;
            if (mapped == null) {
                mapped = SPECIAL.get(c);
            }
            if (mapped == null && c >= 'А' && c <= 'я') {
                mapped = CYRILLIC[c - 'А'];
            } else if (mapped == null && (c == 'ё' || c == 'Ё')) {
                mapped = "e";
            }
            if (mapped == null) {
                String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                StringBuilder base = new StringBuilder();
                for (int k = 0; k < decomposed.length(); k++) {
                    char d = decomposed.charAt(k);
                    if (d < 128 && Character.isLetter(d)) {
                        base.append(Character.toLowerCase(d));
                    }
                }
                mapped = base.toString();
            }
            out.append(mapped.toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
