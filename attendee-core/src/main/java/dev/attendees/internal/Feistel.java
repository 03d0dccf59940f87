package dev.attendees.internal;

/**
 * A keyed bijection on {@code [0, m)} for any {@code m}: a balanced four-round Feistel network on
 * the smallest even number of bits that covers {@code m}, with cycle walking back into range. It
 * is how the engine gives every attendee a distinct name key, and so a distinct e-mail address,
 * while attendee {@code i} stays a pure function of {@code i}: distinct inputs map to distinct
 * outputs, no memory of earlier attendees needed.
 */
public final class Feistel {
    private final long m;
    private final int half;
    private final long mask;
    private final long[] roundKeys = new long[4];

    /**
     * @param m the size of the domain, at least 1
     * @param key the permutation's key
     */
    public Feistel(long m, long key) {
        if (m < 1) {
            throw new IllegalArgumentException("domain must not be empty");
        }
        this.m = m;
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(m - 1));
        if ((bits & 1) == 1) {
            bits++;
        }
        this.half = bits / 2;
        this.mask = (1L << half) - 1;
        for (int round = 0; round < roundKeys.length; round++) {
            roundKeys[round] = Mix.hash(key, round);
        }
    }

    /** The image of {@code x}, for {@code 0 <= x < m}. */
    public long permute(long x) {
        if (x < 0 || x >= m) {
            throw new IllegalArgumentException(x + " is outside [0, " + m + ")");
        }
        if (m == 1) {
            return 0;
        }
        long y = x;
        do {
            y = encrypt(y);
        } while (y >= m);
        return y;
    }

    private long encrypt(long x) {
        long l = x >>> half;
        long r = x & mask;
        for (long k : roundKeys) {
            long t = l ^ (Mix.mix64(r ^ k) & mask);
            l = r;
            r = t;
        }
        return (l << half) | r;
    }
}
