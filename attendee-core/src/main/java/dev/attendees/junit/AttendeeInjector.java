package dev.attendees.junit;

import dev.attendees.AttendeeGenerator;
import java.lang.reflect.Type;

/**
 * Teaches {@link FakeAttendees} more types. A module that can hand a test something filled with
 * attendees (a database, say) implements this and lists the class in
 * {@code META-INF/services/dev.attendees.junit.AttendeeInjector}; the extension finds it with
 * {@link java.util.ServiceLoader} on the test class's class path. {@code attendee-sql} injects
 * SQLite stores this way:
 *
 * <pre>{@code
 * @Test
 * void counts_startups(@FakeAttendees(count = 5_000, seed = 7) SqliteAttendeeStore store) {
 *     assertThat(store.count(AttendeeFilter.builder().companySizes(CompanySize.STARTUP).build())).isPositive();
 * }
 * }</pre>
 *
 * The interface uses no JUnit type, so an implementation needs no JUnit on its class path. Two
 * injectors that claim one type are an error that names both.
 */
public interface AttendeeInjector {

    /** Whether this injector makes values of {@code type} (a parameter's or field's declared type). */
    boolean supports(Type type);

    /**
     * A value of {@code type} holding the attendees with indices {@code [from, to)} of
     * {@code generator}, and what releases it when the test (or, for static fields, the class) is
     * done.
     *
     * @throws Exception when the value cannot be made; the extension reports it naming the parameter
     */
    Injection inject(Type type, AttendeeGenerator generator, long from, long to) throws Exception;

    /** The types this injector makes, for messages: {@code "SqliteAttendeeStore, DataSource"}. */
    String describe();

    /**
     * What an injector made.
     *
     * @param value the value given to the test
     * @param cleanup closed by JUnit after the test or class (delete a temporary database ...);
     *     {@code null} for nothing to release
     */
    record Injection(Object value, AutoCloseable cleanup) {}
}
