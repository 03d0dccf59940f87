package dev.attendees.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FeistelTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 7, 100, 1_000, 65_537, 141_700, 1_000_003})
    void should_permute_every_domain_size(long m) {
        Feistel f = new Feistel(m, 42);
        BitSet seen = new BitSet((int) m);
        for (long x = 0; x < m; x++) {
            long y = f.permute(x);
            assertThat(y).isBetween(0L, m - 1);
            assertThat(seen.get((int) y)).as("image %d of %d seen twice", y, x).isFalse();
            seen.set((int) y);
        }
        assertThat(seen.cardinality()).isEqualTo((int) m);
    }

    @Test
    void should_depend_on_the_key() {
        Feistel a = new Feistel(10_000, 1);
        Feistel b = new Feistel(10_000, 2);
        int same = 0;
        for (long x = 0; x < 10_000; x++) {
            if (a.permute(x) == b.permute(x)) {
                same++;
            }
        }
        assertThat(same).isLessThan(10);
    }
}
