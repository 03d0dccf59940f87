/**
 * JUnit Jupiter (5.14 and 6.x) support: {@link dev.attendees.junit.FakeAttendees} injects
 * seeded, realistic attendees into test parameters and fields, {@link dev.attendees.junit.AttendeeSource}
 * feeds a {@code @ParameterizedTest}, and {@link dev.attendees.junit.AttendeeExtension} does the
 * work. JUnit is an optional dependency of {@code attendee-core}: these types are usable where a
 * test suite already has {@code junit-jupiter-api} (and {@code junit-jupiter-params} for
 * {@code @AttendeeSource}). Guide: {@code docs/junit.md}.
 */
package dev.attendees.junit;
