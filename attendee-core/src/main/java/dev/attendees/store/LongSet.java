package dev.attendees.store;

import java.util.function.LongConsumer;

/**
 * A set of {@code long}s in one open-addressing array (8 to 16 bytes an entry), a tenth of what a
 * {@code HashSet<Long>} takes: the memory of e-mail hashes ({@link UniqueEmails}) and of the ids an
 * import has seen, and of the images a run created. Not thread-safe.
 */
public final class LongSet {
    private static final long EMPTY = 0;

    private long[] slots = new long[1 << 12];
    private boolean hasZero;
    private int size;

    /** Adds {@code value}; returns whether it was new. */
    public boolean add(long value) {
        if (value == EMPTY) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if ((size + 1) * 2L > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == value) {
                return false;
            }
            if (slots[i] == EMPTY) {
                slots[i] = value;
                size++;
                return true;
            }
        }
    }

    /** How many values the set holds. */
    public long size() {
        return size + (hasZero ? 1 : 0);
    }

    /** Whether {@code value} is in the set. */
    public boolean contains(long value) {
        if (value == EMPTY) {
            return hasZero;
        }
        int mask = slots.length - 1;
        for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == value) {
                return true;
            }
            if (slots[i] == EMPTY) {
                return false;
            }
        }
    }

    /** Gives every value of the set to {@code action}, in no particular order. */
    public void forEach(LongConsumer action) {
        if (hasZero) {
            action.accept(EMPTY);
        }
        for (long v : slots) {
            if (v != EMPTY) {
                action.accept(v);
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long v : old) {
            if (v != EMPTY) {
                add(v);
            }
        }
    }

    private static int mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
