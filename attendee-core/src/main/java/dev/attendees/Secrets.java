package dev.attendees;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps secrets inside the process: the one place where API keys and passwords are taken out of
 * text before it is shown, logged or written. A provider registers a key the moment it reads it
 * (from the environment or a builder); whatever turns outside text into output (a server's error
 * body, an exception's message, a log line, a note of the run's summary, a record or a file written
 * from a server's answer) passes through {@link #mask}. Each of these becomes {@value #MASK}:
 *
 * <ul>
 *   <li>a registered secret, and any run of {@value #MIN_QUOTE} or more consecutive characters of
 *       one, case-sensitively (servers quote parts of keys: {@code Incorrect API key provided:
 *       sk-proj-abc*****wxyz});
 *   <li>the value of an {@code Authorization}, {@code Proxy-Authorization}, {@code x-api-key} or
 *       {@code api-key} header written as {@code name: value} or {@code name=value} (after a scheme
 *       word such as {@code Bearer}, which stays);
 *   <li>a URL's password ({@code scheme://user:password@host}) and a {@code password=} parameter.
 * </ul>
 *
 * <p>A value shorter than {@value #MIN_QUOTE} characters is not registered: no API key is that
 * short, and such values are placeholders that local servers accept ({@code EMPTY}, {@code none},
 * {@code x}) or ordinary words, which masking would cut out of names, e-mail addresses and
 * messages. A key made of words loses those words to the mask too ({@code sk-no-key-required}
 * masks {@code required}); real keys are random. Process-wide and thread-safe; a secret stays
 * registered for the life of the process.
 *
 * <pre>{@code
 * String key = System.getenv("OPENAI_API_KEY");
 * Secrets.register(key);                                       // as soon as it is read
 * LOG.debug("server said: {}", Secrets.mask(errorBody));       // "Incorrect API key provided: ***...cdef"
 * }</pre>
 */
public final class Secrets {

    /** What a masked piece becomes: {@value}. */
    public static final String MASK = "***";

    /**
     * The shortest piece of a registered secret that is masked wherever it appears, and the
     * shortest secret registered: {@value} characters. Shorter pieces are too common in ordinary
     * text, and too little of a key to use.
     */
    public static final int MIN_QUOTE = 8;

    private static final Pattern HEADER = Pattern.compile(
            "(?i)\\b((?:proxy-)?authorization|x-api-key|api-key)(\"?\\s*[:=]\\s*\"?\\[?\\s*)"
                    + "((?:bearer|basic|client-id|api-key|token)\\s+)?[^\\s\"',;\\]}]+");
    // A placeholder such as the user:password@ of a help text stays readable.
    private static final Pattern USER_INFO = Pattern.compile("(://[^:/@\\s]*:)(?!(?:password|pass)@)[^@/\\s]*@");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&\\s]*");

    /** A registered secret and its distinct pieces of {@link #MIN_QUOTE} characters. */
    private record Secret(String text, List<String> pieces) {
        static Secret of(String text) {
            Set<String> pieces = new LinkedHashSet<>();
            for (int i = 0; i + MIN_QUOTE <= text.length(); i++) {
                pieces.add(text.substring(i, i + MIN_QUOTE));
            }
            return new Secret(text, List.copyOf(pieces));
        }
    }

    private static volatile List<Secret> secrets = List.of();

    private Secrets() {}

    /**
     * Registers a secret: from now on {@link #mask} hides it and every quoted part of it. Call it
     * where the secret is read, before it is used. {@code null}, blank values and values shorter
     * than {@value #MIN_QUOTE} characters are ignored; registering a secret twice is harmless.
     */
    public static synchronized void register(String secret) {
        if (secret == null || secret.strip().length() < MIN_QUOTE || secrets.stream().anyMatch(s -> s.text().equals(secret))) {
            return;
        }
        List<Secret> more = new ArrayList<>(secrets);
        more.add(Secret.of(secret));
        secrets = List.copyOf(more);
    }

    /**
     * {@code text} with every registered secret (whole or quoted in part), every
     * {@code Authorization}-like header value and every URL password replaced by {@value #MASK};
     * {@code null} gives {@code null}.
     */
    public static String mask(CharSequence text) {
        if (text == null) {
            return null;
        }
        String out = text.toString();
        List<Secret> registered = secrets;
        if (!registered.isEmpty()) {
            out = maskRegistered(out, registered);
        }
        out = HEADER.matcher(out).replaceAll(m -> quote(m.group(1) + m.group(2) + (m.group(3) == null ? "" : m.group(3))) + MASK);
        out = USER_INFO.matcher(out).replaceAll("$1" + quote(MASK) + "@");
        return PASSWORD_PARAM.matcher(out).replaceAll("$1" + quote(MASK));
    }

    /** Marks where secrets or their pieces stand, then writes each marked stretch as one mask. */
    private static String maskRegistered(String text, List<Secret> registered) {
        BitSet hidden = new BitSet(text.length());
        for (Secret secret : registered) {
            for (String piece : secret.pieces()) {
                for (int at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) {
                    hidden.set(at, at + piece.length());
                }
            }
        }
        if (hidden.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int from = 0;
        for (int start = hidden.nextSetBit(0); start >= 0; start = hidden.nextSetBit(from)) {
            sb.append(text, from, start).append(MASK);
            from = hidden.nextClearBit(start);
        }
        return sb.append(text, from, text.length()).toString();
    }

    private static String quote(String replacement) {
        return java.util.regex.Matcher.quoteReplacement(replacement);
    }
}
