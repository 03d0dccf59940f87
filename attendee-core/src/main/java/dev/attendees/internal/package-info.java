/**
 * The offline engine's machinery. Not API: anything here may change between releases. Only
 * {@code attendee-core} may use it (an ArchUnit test checks).
 */
package dev.attendees.internal;
