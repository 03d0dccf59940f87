package dev.attendees.internal;

/** 64-bit mixing functions (SplitMix64 finaliser, Stafford variant 13): the engine's only source of randomness. */
public final class Mix {
    /** The golden-ratio increment of SplitMix64. */
    public static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Mix() {}

    /** A well-mixed 64-bit hash of {@code z}. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A hash of two values; order matters. */
    public static long hash(long a, long b) {
        return mix64(mix64(a + GOLDEN) ^ (b * GOLDEN + 0x632BE59BD9B4E019L));
    }

    /** A hash of three values; order matters. */
    public static long hash(long a, long b, long c) {
        return hash(hash(a, b), c);
    }

    /** A stable 64-bit hash of a string (independent of {@link String#hashCode()}'s 32 bits). */
    public static long hash(String s) {
        long h = 0x84222325CBF29CE4L;
        for (int i = 0; i < s.length(); i++) {
            h = mix64(h ^ s.charAt(i));
        }
        return h;
    }

    /** A uniform double in [0, 1) from a hash. */
    public static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }
}
