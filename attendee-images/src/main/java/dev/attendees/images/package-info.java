/**
 * The {@code attendee-images} provider module. It plugs into the SPIs of {@code attendee-core}
 * ({@code dev.attendees.spi}) and never depends on another provider module. Its contents arrive
 * with the issue that builds it; see {@code docs/architecture.md}.
 */
package dev.attendees.images;
