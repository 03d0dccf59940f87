/**
 * Files in the data contract's formats: CSV (RFC 4180, safe against spreadsheet formula
 * injection), JSON (an array of objects) and NDJSON (an object a line). Writers stream in constant
 * memory and are atomic (a temporary file renamed on commit); readers stream too and report a bad
 * value by file, line and field.
 *
 * <pre>{@code
 * try (AttendeeSink sink = AttendeeFormat.CSV.open(Path.of("attendees.csv"))) {
 *     generator.writeTo(sink, 1_000_000);
 * }
 * try (AttendeeReader reader = AttendeeFormat.read(Path.of("attendees.csv"))) {
 *     reader.stream().filter(a -> a.industry() == Industry.HEALTHCARE).count();
 * }
 * }</pre>
 */
package dev.attendees.export;
