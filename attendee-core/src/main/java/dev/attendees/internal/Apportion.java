package dev.attendees.internal;

/** Whole numbers in proportion to weights, adding up exactly. */
final class Apportion {
    private Apportion() {}

    /**
     * {@code total} split in proportion to {@code weights} by the largest-remainder method: each
     * gets the floor of its exact share, and the seats left go to the largest remainders (ties to
     * the earlier weight).
     */
    static int[] largestRemainder(double[] weights, int total) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] out = new int[weights.length];
        double[] remainder = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = sum > 0 ? total * weights[i] / sum : 0;
            out[i] = (int) Math.floor(exact);
            remainder[i] = exact - out[i];
            given += out[i];
        }
        while (given < total) {
            int best = -1;
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] > 0 && (best < 0 || remainder[i] > remainder[best])) {
                    best = i;
                }
            }
            out[best]++;
            remainder[best] = -1;
            given++;
        }
        return out;
    }
}
