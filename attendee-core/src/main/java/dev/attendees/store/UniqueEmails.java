package dev.attendees.store;

import dev.attendees.Attendee;
import dev.attendees.internal.Mix;
import dev.attendees.internal.Romanizer;
import java.util.List;
import java.util.Locale;

/**
 * Keeps e-mail addresses unique where attendees of several runs meet (a database): it remembers
 * the addresses taken, and gives an attendee whose address is taken the next free address of the
 * same family, deterministically: first with a middle initial that the name shows too
 * ({@code alex.bahringer@broadcom.com} → {@code alex.m.bahringer@broadcom.com}, "Alex M. Bahringer"),
 * where the address spells the name; then with digits ({@code jsmith2}, {@code john.smith85}).
 *
 * <pre>{@code
 * UniqueEmails emails = new UniqueEmails();
 * stored.forEach(a -> emails.take(a.email()));
 * Attendee admitted = emails.admit(generated);   // generated, or a copy with a free address
 * }</pre>
 *
 * <p>Addresses are compared in lower case by 64-bit hashes, 8 to 16 bytes an address: ten million
 * take about 160 MB. Two different addresses share a hash about once in 10^8 at a million
 * addresses; the later one is then moved to another free address, which keeps every address
 * unique. Not thread-safe.
 */
public final class UniqueEmails {

    /** Middle initials from most to least common, as the generator gives them, and how common each is. */
    private static final String MIDDLE_ORDER = "amjlerdcskbtnwgpfhvioyzuqx";
    private static final double[] MIDDLE_WEIGHTS = {
        12, 11, 9, 9, 8, 7, 6, 5, 5, 4, 4, 3, 3, 2, 2, 2, 2, 2, 1, 1, 1, 0.5, 0.5, 0.3, 0.2, 0.1};

    private final LongSet hashes = new LongSet();
    private long adjusted;

    /** Notes an address as taken; returns whether it was free before. */
    public boolean take(String email) {
        return hashes.add(hash(email));
    }

    /** Whether the address is taken (compared in lower case). */
    public boolean taken(String email) {
        return hashes.contains(hash(email));
    }

    /** How many addresses are taken. */
    public long size() {
        return hashes.size();
    }

    /** How many attendees {@link #admit} gave another address. */
    public long adjusted() {
        return adjusted;
    }

    /**
     * The attendee itself when its address is free, else a copy with the next free address of its
     * family (and, for a middle initial, the name showing it); the address it ends with is taken.
     */
    public Attendee admit(Attendee a) {
        if (take(a.email())) {
            return a;
        }
        Attendee moved = next(a);
        take(moved.email());
        adjusted++;
        return moved;
    }

    /** {@link #admit} for each attendee of a batch, in order; the same list when none moved. */
    public List<Attendee> admit(List<Attendee> batch) {
        Attendee[] out = null;
        for (int i = 0; i < batch.size(); i++) {
            Attendee a = batch.get(i);
            Attendee admitted = admit(a);
            if (admitted != a && out == null) {
                out = batch.toArray(new Attendee[0]);
            }
            if (out != null) {
                out[i] = admitted;
            }
        }
        return out == null ? batch : List.of(out);
    }

    private Attendee next(Attendee a) {
        String email = a.email().toLowerCase(Locale.ROOT);
        int at = email.lastIndexOf('@');
        String local = at < 0 ? email : email.substring(0, at);
        String domain = at < 0 ? "" : email.substring(at);
        int cut = local.length();
        while (cut > 0 && Character.isDigit(local.charAt(cut - 1))) {
            cut--;
        }
        String base = local.substring(0, cut);
        String digits = local.substring(cut);

        String[] words = a.name().strip().split("\\s+");
        if (words.length == 2) {
            for (String language : new String[] {"", "de"}) {
                String first = Romanizer.ascii(words[0], language);
                String last = Romanizer.ascii(words[1], language);
                Shape shape = Shape.of(base, first, last);
                if (shape != null) {
                    int start = middleStart(Mix.unit(Mix.hash(email)));
                    for (int k = 0; k < 26; k++) {
                        char middle = MIDDLE_ORDER.charAt((start + k) % 26);
                        String candidate = shape.spell(first, last, middle) + digits + domain;
                        if (!taken(candidate)) {
                            String name = words[0] + " " + Character.toUpperCase(middle) + ". " + words[1];
                            return with(a, name, candidate);
                        }
                    }
                    break;
                }
            }
        }
        long n = digits.isEmpty() || digits.length() > 12 ? 1 : Long.parseLong(digits);
        String stem = digits.length() > 12 ? local : base;
        while (true) {
            n++;
            String candidate = stem + n + domain;
            if (!taken(candidate)) {
                return with(a, a.name(), candidate);
            }
        }
    }

    /** The first middle initial to try: common ones more often, by {@code u} in [0, 1). */
    private static int middleStart(double u) {
        double total = 0;
        for (double w : MIDDLE_WEIGHTS) {
            total += w;
        }
        double x = u * total;
        for (int i = 0; i < MIDDLE_WEIGHTS.length; i++) {
            x -= MIDDLE_WEIGHTS[i];
            if (x < 0) {
                return i;
            }
        }
        return 0;
    }

    private static Attendee with(Attendee a, String name, String email) {
        return new Attendee(a.id(), name, email, a.company(), a.eventName(), a.attendanceTime(), a.jobTitle(),
                a.industry(), a.companySize(), a.productInterests(), a.boothVisited(), a.imagePath(), a.createdAt());
    }

    /** How a local part spells a name: {@code first.last}, {@code flast}, {@code firstlast} ... */
    private enum Shape {
        FIRST_DOT_LAST, FIRST_UNDERSCORE_LAST, FIRST_DASH_LAST, LAST_DOT_FIRST, FLAST, F_DOT_LAST, LASTF, FIRSTLAST;

        static Shape of(String local, String first, String last) {
            if (first.isEmpty() || last.isEmpty() || first.equals(last)) {
                return null;
            }
            for (Shape shape : values()) {
                if (shape.spell(first, last, (char) 0).equals(local)) {
                    return shape;
                }
            }
            return null;
        }

        String spell(String first, String last, char middle) {
            String m = middle == 0 ? "" : String.valueOf(middle);
            char f = first.charAt(0);
            return switch (this) {
                case FIRST_DOT_LAST -> first + "." + (m.isEmpty() ? "" : m + ".") + last;
                case FIRST_UNDERSCORE_LAST -> first + "_" + (m.isEmpty() ? "" : m + "_") + last;
                case FIRST_DASH_LAST -> first + "-" + (m.isEmpty() ? "" : m + "-") + last;
                case LAST_DOT_FIRST -> last + "." + first + (m.isEmpty() ? "" : "." + m);
                case FLAST -> f + m + last;
                case F_DOT_LAST -> f + "." + (m.isEmpty() ? "" : m + ".") + last;
                case LASTF -> last + f + m;
                case FIRSTLAST -> first + m + last;
            };
        }
    }

    private static long hash(String email) {
        long h = 0x84222325CBF29CE4L;
        for (int i = 0; i < email.length(); i++) {
            h = Mix.mix64(h ^ Character.toLowerCase(email.charAt(i)));
        }
        return h;
    }
}
