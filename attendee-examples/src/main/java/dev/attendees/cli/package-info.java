/** The {@code attendees} command line: a thin picocli layer over the library. */
package dev.attendees.cli;
