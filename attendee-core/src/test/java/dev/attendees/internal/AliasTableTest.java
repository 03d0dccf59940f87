package dev.attendees.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AliasTableTest {

    @Test
    void should_sample_with_the_given_weights() {
        double[] weights = {1, 0, 3, 6};
        AliasTable table = new AliasTable(weights);
        int[] counts = new int[4];
        Rng rng = new Rng(99);
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            counts[table.sample(rng)]++;
        }
        assertThat(counts[1]).isZero();
        assertThat(counts[0] / (double) n).isCloseTo(0.1, within(0.005));
        assertThat(counts[2] / (double) n).isCloseTo(0.3, within(0.005));
        assertThat(counts[3] / (double) n).isCloseTo(0.6, within(0.005));
    }

    @Test
    void should_reject_weights_without_a_positive_one() {
        assertThatThrownBy(() -> new AliasTable(new double[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AliasTable(new double[] {1, -1})).isInstanceOf(IllegalArgumentException.class);
    }
}
