package dev.attendees.query;

import dev.attendees.plan.Dimension;
import dev.attendees.plan.Vocabulary;
import dev.attendees.CompanySize;
import dev.attendees.Industry;
import dev.attendees.spi.AttendeeStore;
import dev.attendees.store.Facet;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads the {@link Vocabulary} of a store: the values its attendees hold, per dimension. */
public final class StoreVocabulary {
    /** The most values read for one dimension: {@value}. */
    public static final int MAX_VALUES = 1_000_000;

    private StoreVocabulary() {}

    /** The store's companies, job titles, interests, booths, events and arrival days, with the contract's industries and sizes. */
    public static Vocabulary of(AttendeeStore store) {
        Map<Dimension, List<String>> values = new EnumMap<>(Dimension.class);
        values.put(Dimension.COMPANY, store.distinctValues(Facet.COMPANY, MAX_VALUES));
        values.put(Dimension.JOB_TITLE, store.distinctValues(Facet.JOB_TITLE, MAX_VALUES));
        values.put(Dimension.INTEREST, store.distinctValues(Facet.INTEREST, MAX_VALUES));
        values.put(Dimension.BOOTH, store.distinctValues(Facet.BOOTH, MAX_VALUES));
        values.put(Dimension.EVENT, store.distinctValues(Facet.EVENT_NAME, MAX_VALUES));
        values.put(Dimension.ARRIVAL_DAY, store.distinctValues(Facet.ATTENDANCE_DAY, MAX_VALUES));
        values.put(Dimension.INDUSTRY, Arrays.stream(Industry.values()).map(Industry::label).toList());
        values.put(Dimension.COMPANY_SIZE, Arrays.stream(CompanySize.values()).map(CompanySize::label).toList());
        return new Vocabulary(values);
    }
}
