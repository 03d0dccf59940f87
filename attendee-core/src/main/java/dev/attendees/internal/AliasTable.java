package dev.attendees.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Walker/Vose alias table: O(1) sampling from a fixed discrete distribution. Built once per
 * profile and option set; immutable and shared across threads.
 */
public final class AliasTable {
    private final double[] probability;
    private final int[] alias;

    /**
     * @param weights non-negative weights with a positive sum
     * @throws IllegalArgumentException when no weight is positive
     */
    public AliasTable(double[] weights) {
        int n = weights.length;
        double sum = 0;
        for (double w : weights) {
            if (w < 0 || !Double.isFinite(w)) {
                throw new IllegalArgumentException("weight must be a finite number >= 0: " + w);
            }
            sum += w;
        }
        if (n == 0 || sum <= 0) {
            throw new IllegalArgumentException("no positive weight");
        }
        probability = new double[n];
        alias = new int[n];
        double[] scaled = new double[n];
        Deque<Integer> small = new ArrayDeque<>();
        Deque<Integer> large = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / sum;
            (scaled[i] < 1.0 ? small : large).add(i);
        }
        while (!small.isEmpty() && !large.isEmpty()) {
            int s = small.poll();
            int l = large.poll();
            probability[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1.0;
            (scaled[l] < 1.0 ? small : large).add(l);
        }
        while (!large.isEmpty()) {
            probability[large.poll()] = 1.0;
        }
        while (!small.isEmpty()) {
            probability[small.poll()] = 1.0;
        }
    }

    /** A table of these weights, in the collection's order. */
    static AliasTable of(java.util.Collection<Double> weights) {
        double[] w = new double[weights.size()];
        int i = 0;
        for (double x : weights) {
            w[i++] = x;
        }
        return new AliasTable(w);
    }

    /** The number of outcomes. */
    public int size() {
        return probability.length;
    }

    /** One outcome index, drawn with the table's weights. */
    public int sample(Rng rng) {
        int i = rng.nextInt(probability.length);
        return rng.nextDouble() < probability[i] ? i : alias[i];
    }
}
