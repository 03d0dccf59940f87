/**
 * The public API: {@link dev.attendees.Attendee} (one record of the data contract) and
 * {@link dev.attendees.AttendeeGenerator} (a fluent builder for believable, correlated,
 * reproducible attendees), with the contract's {@link dev.attendees.Industry} and
 * {@link dev.attendees.CompanySize} lists and the exception families rooted at
 * {@link dev.attendees.AttendeeException}.
 *
 * <pre>{@code
 * List<Attendee> attendees = AttendeeGenerator.builder().event("RSA Conference").seed(7).build().generate(1_000);
 * }</pre>
 */
package dev.attendees;
