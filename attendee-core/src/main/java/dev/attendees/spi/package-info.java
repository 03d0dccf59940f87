/**
 * Extension points. Provider modules implement these and plug into
 * {@link dev.attendees.AttendeeGenerator.Builder}: a {@link dev.attendees.spi.RecordSource} writes
 * attendees (the offline engine by default, an LLM in {@code attendee-llm}), an
 * {@link dev.attendees.spi.ImageProvider} gives each attendee a picture ({@code attendee-images}),
 * an {@link dev.attendees.spi.AttendeeSink} receives them (files here, a database in
 * {@code attendee-sql}), and an {@link dev.attendees.spi.AttendeeStore} is a database of attendees
 * to query ({@code attendee-sql}; its values are in {@code dev.attendees.store}). Every SPI but the
 * store has an offline default.
 */
package dev.attendees.spi;
