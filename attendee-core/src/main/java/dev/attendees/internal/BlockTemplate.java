package dev.attendees.internal;

import dev.attendees.CompanySize;

/**
 * The seats of one block of {@value CompanyUniverse#BLOCK} attendees: for each seat, the company
 * size and rank it belongs to, its place among that rank's seats, and its address family (personal,
 * or corporate with a full-name or an initial-based pattern, by the rank's companies). Every block
 * has the same seats; the engine deals them to attendees in a different order in each block. The
 * personal seats are exactly the requested share, spread over the ranks by a keyed permutation; each
 * family has the same number of seats in every block, so it can number its members densely.
 */
final class BlockTemplate {
    /** Address families: corporate with a full-name pattern, corporate with an initial-based one, personal. */
    static final int FULL_NAME = 0;
    static final int INITIAL = 1;
    static final int PERSONAL = 2;

    final byte[] size;
    final int[] rank;
    /** The seat's place among its rank's seats of the block. */
    final int[] ordinal;
    final byte[] family;
    /** The seat's place among its family's seats of the block. */
    final int[] familyOrdinal;
    /** Seats of each family in a block. */
    final int[] familySeats = new int[3];

    BlockTemplate(CompanyUniverse universe, double corporateRatio, long seed) {
        int n = CompanyUniverse.BLOCK;
        size = new byte[n];
        rank = new int[n];
        ordinal = new int[n];
        family = new byte[n];
        familyOrdinal = new int[n];
        int personal = (int) Math.round(n * (1 - corporateRatio));
        Feistel spread = new Feistel(n, Mix.hash(seed, 0x9E450AL));
        int seat = 0;
        for (CompanySize s : CompanySize.values()) {
            CompanyUniverse.Ranks ranks = universe.ranks(s.ordinal());
            for (int r = 0; r < ranks.count(); r++) {
                for (int q = 0; q < ranks.quota[r]; q++) {
                    size[seat] = (byte) s.ordinal();
                    rank[seat] = r;
                    ordinal[seat] = q;
                    family[seat] = (byte) (spread.permute(seat) < personal ? PERSONAL : ranks.initial[r] ? INITIAL : FULL_NAME);
                    familyOrdinal[seat] = familySeats[family[seat]]++;
                    seat++;
                }
            }
        }
        if (seat != n) {
            throw new IllegalStateException("block template has " + seat + " seats, expected " + n);
        }
    }
}
