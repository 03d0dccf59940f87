package dev.attendees.internal;

import java.util.Arrays;

/**
 * The seats a block gives each rank of one company size: a Pareto law over ranks
 * ({@code P(rank >= k) = (1 + k / scale)^-shape}), each rank held to its company's attendee limit
 * and the curated ranks to at least one seat, the rest of the law stretched over the other ranks
 * so that the seats still add up, then rounded cumulatively (rank {@code k} gets
 * {@code round(C(k + 1)) - round(C(k))} of the running total {@code C}), which keeps the sum exact.
 * The law's tail is infinite; only the ranks where the running total crosses a half get a seat, and
 * those are found by inverting the law, not by walking every rank.
 */
final class RankQuotas {
    static final RankQuotas NONE = new RankQuotas(new long[0], new int[0]);

    /** Per rank with seats, in order: its place in the law, and its seats. */
    final long[] place;
    final int[] quota;

    private RankQuotas(long[] place, int[] quota) {
        this.place = place;
        this.quota = quota;
    }

    int count() {
        return quota.length;
    }

    /**
     * @param seats the size's seats a block, at least 1
     * @param limits the curated ranks' attendee limits, in order
     * @param tailLimit the attendee limit of the made-up ranks
     */
    static RankQuotas of(int seats, double scale, double shape, int[] limits, int tailLimit) {
        Law law = new Law(scale, shape);
        int head = Math.max(limits.length, law.rankWhereBelow(1.0 / seats) + 1);
        double stretch;
        double[] expected;
        while (true) {
            // The law's value at each head rank, computed once: the bisection below weighs them
            // again at every step.
            double[] p = law.probabilities(head);
            double tail = 1 - law.cdf(head);
            stretch = stretch(seats, p, tail, limits, tailLimit);
            if (seats * stretch * law.p(head) < 1 || head > 1 << 22) {
                expected = expected(seats, stretch, p, limits, tailLimit);
                break;
            }
            head *= 2;
        }
        long[] place = new long[seats];
        int[] quota = new int[seats];
        int n = 0;
        double running = 0;
        for (int k = 0; k < head; k++) {
            int q = (int) (Math.round(running + expected[k]) - Math.round(running));
            running += expected[k];
            if (q > 0) {
                place[n] = k;
                quota[n++] = q;
            }
        }
        // The tail: C(k) = running + seats * stretch * (F(k) - F(head)); rank k gets a seat for every
        // m + 1/2 that C crosses between k and k + 1.
        double tailSeats = seats * stretch;
        double fHead = law.cdf(head);
        for (long m = Math.round(running); m < seats; m++) {
            double target = fHead + (m + 0.5 - running) / tailSeats;
            long k = target >= 1 ? Long.MAX_VALUE / 8 : Math.max(head, (long) Math.ceil(law.inverse(target)) - 1);
            if (n > 0 && place[n - 1] == k) {
                quota[n - 1]++;
            } else {
                place[n] = k;
                quota[n++] = 1;
            }
        }
        return new RankQuotas(Arrays.copyOf(place, n), Arrays.copyOf(quota, n));
    }

    /**
     * The stretch of the law's unclipped part that makes the expected seats add up to {@code seats},
     * by bisection. Once the midpoint is one of the bounds the bounds can no longer move, so the
     * search stops there: more steps would give the same bits.
     */
    private static double stretch(int seats, double[] p, double tail, int[] limits, int tailLimit) {
        double low = 0;
        double high = 1;
        while (total(seats, high, p, tail, limits, tailLimit) < seats) {
            high *= 2;
        }
        for (int i = 0; i < 100; i++) {
            double mid = (low + high) / 2;
            if (mid == low || mid == high) {
                break;
            }
            if (total(seats, mid, p, tail, limits, tailLimit) < seats) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return high;
    }

    private static double total(int seats, double stretch, double[] p, double tail, int[] limits, int tailLimit) {
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            sum += expected(seats, stretch, p[k], k, limits, tailLimit);
        }
        return sum + seats * stretch * tail;
    }

    private static double[] expected(int seats, double stretch, double[] p, int[] limits, int tailLimit) {
        double[] e = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            e[k] = expected(seats, stretch, p[k], k, limits, tailLimit);
        }
        return e;
    }

    /** Rank {@code k}'s expected seats: the stretched law, held to the rank's limit (curated ranks to at least one). */
    private static double expected(int seats, double stretch, double p, int k, int[] limits, int tailLimit) {
        double x = seats * stretch * p;
        return k < limits.length ? Math.max(1, Math.min(limits[k], x)) : Math.min(tailLimit, x);
    }

    /** The Pareto law over ranks. */
    private record Law(double scale, double shape) {
        double cdf(double k) {
            return 1 - StrictMath.pow(1 + k / scale, -shape);
        }

        double p(long k) {
            return cdf(k + 1) - cdf(k);
        }

        /** {@link #p} of ranks {@code 0..n-1}, each law value computed once. */
        double[] probabilities(int n) {
            double[] p = new double[n];
            double below = cdf(0);
            for (int k = 0; k < n; k++) {
                double above = cdf(k + 1);
                p[k] = above - below;
                below = above;
            }
            return p;
        }

        double inverse(double f) {
            return scale * (StrictMath.pow(1 - f, -1 / shape) - 1);
        }

        /** The first rank whose probability is below {@code p}. */
        int rankWhereBelow(double p) {
            int k = 0;
            while (p(k) >= p && k < 1 << 22) {
                k = k == 0 ? 1 : k * 2;
            }
            return k;
        }
    }
}
