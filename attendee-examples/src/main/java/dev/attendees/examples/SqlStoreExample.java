package dev.attendees.examples;

import dev.attendees.AttendeeGenerator;
import dev.attendees.CompanySize;
import dev.attendees.Industry;
import dev.attendees.sql.AttendeeStores;
import dev.attendees.sql.SqlAttendeeStore;
import dev.attendees.store.AttendeeField;
import dev.attendees.store.AttendeeFilter;
import dev.attendees.store.AttendeePage;
import dev.attendees.store.AttendeeQuery;
import dev.attendees.store.Facet;
import dev.attendees.store.SqlResult;
import dev.attendees.store.Sort;
import dev.attendees.store.ValueCount;
import java.time.Duration;
import java.time.LocalDateTime;

/** docs/sql.md's library example, compiled and run by CI so that it cannot drift. */
public final class SqlStoreExample {
    private SqlStoreExample() {}

    public static void main(String[] args) {
        String db = args.length > 0 ? args[0] : "attendees.db";
        // --8<-- [start:sql]
        try (SqlAttendeeStore store = AttendeeStores.open(db)) {        // a file, or postgresql://...
            store.generate(AttendeeGenerator.builder().seed(42).build(), 20_000);

            for (ValueCount c : store.countBy(Facet.INDUSTRY, AttendeeFilter.ALL, 3)) {
                System.out.println(c.value() + ": " + c.count());
            }
            System.out.println("top interests: " + store.countBy(Facet.INTEREST, AttendeeFilter.ALL, 3));

            AttendeeFilter filter = AttendeeFilter.builder()
                    .industries(Industry.FINANCIAL_SERVICES)
                    .companySizes(CompanySize.ENTERPRISE)
                    .interestsAll("Kubernetes", "Security")
                    .attendedBetween(LocalDateTime.parse("2026-11-10T09:00"), LocalDateTime.parse("2026-11-10T12:00"))
                    .build();
            AttendeePage page = store.find(AttendeeQuery.builder().filter(filter)
                    .sort(Sort.asc(AttendeeField.ATTENDANCE_TIME)).limit(3).build());
            System.out.println(page.total() + " match; first: " + page.items().get(0).name() + " at "
                    + page.items().get(0).attendanceTime());

            long engineers = store.count(AttendeeFilter.builder().text("platform engineer").build());
            System.out.println(engineers + " platform engineers");

            SqlResult r = store.readOnlySql("SELECT booth, count(*) AS visits FROM booth_visits GROUP BY booth"
                    + " ORDER BY visits DESC LIMIT 2", 10, Duration.ofSeconds(5));
            System.out.println(r.columns() + " " + r.rows());
        }
        // --8<-- [end:sql]
    }
}
