package dev.attendees.store;

import dev.attendees.Attendee;
import java.util.List;

/**
 * One page of attendees and how many match in all.
 *
 * <pre>{@code
 * AttendeePage page = store.find(AttendeeQuery.of(filter));
 * page.items().forEach(a -> System.out.println(a.name()));
 * if (page.hasNext()) { ... store.find(query.next()) ... }
 * }</pre>
 *
 * @param items the attendees of this page, in the query's order
 * @param total how many attendees match the filter
 * @param offset the query's offset
 * @param limit the query's limit
 */
public record AttendeePage(List<Attendee> items, long total, long offset, int limit) {

    public AttendeePage {
        items = List.copyOf(items);
    }

    /** Whether more attendees follow this page. */
    public boolean hasNext() {
        return offset + items.size() < total;
    }
}
