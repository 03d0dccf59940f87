package dev.attendees.internal;

/**
 * A small, fast, deterministic random stream (SplitMix64). One per attendee, seeded from
 * (seed, index), so attendee {@code i} never depends on any other attendee. Not thread-safe; cheap
 * to create.
 */
public final class Rng {
    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    /** The stream of attendee {@code index} under {@code seed}. */
    public static Rng forIndex(long seed, long index) {
        return new Rng(Mix.hash(seed, index));
    }

    public long nextLong() {
        return Mix.mix64(state += Mix.GOLDEN);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound), bound > 0. */
    public int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in [from, to], inclusive. */
    public int nextInt(int from, int to) {
        return from + nextInt(to - from + 1);
    }

}
