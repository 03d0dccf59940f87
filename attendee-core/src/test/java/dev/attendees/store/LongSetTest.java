package dev.attendees.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LongSetTest {

    @Test
    void should_give_every_value_once_to_forEach_zero_and_negatives_included() {
        LongSet set = new LongSet();
        List<Long> added = new ArrayList<>(List.of(0L, -7L, Long.MAX_VALUE, Long.MIN_VALUE));
        for (long v = 1; v <= 10_000; v++) {
            added.add(v * 31);
        }
        added.forEach(set::add);
        set.add(0);
        set.add(31);

        List<Long> seen = new ArrayList<>();
        set.forEach(seen::add);

        assertThat(seen).hasSize(added.size()).containsExactlyInAnyOrderElementsOf(added);
        assertThat(set.size()).isEqualTo(added.size());
    }

    @Test
    void an_empty_set_should_give_nothing() {
        List<Long> seen = new ArrayList<>();
        new LongSet().forEach(seen::add);

        assertThat(seen).isEmpty();
    }
}
