package dev.attendees.query.internal;

import java.util.List;

/**
 * A phrase of a question ({@code start} inclusive to {@code end} exclusive, in words) with the ways
 * to read it, and how many letters were corrected to recognise it (0 for an exact match).
 */
final class Span {
    final int start;
    final int end;
    final String text;
    final List<Meaning> meanings;
    final int corrections;
    /** The reading the interpreter chose, once it has. */
    Meaning chosen;
    /** Whether the interpreter has accounted for this phrase. */
    boolean used;

    Span(int start, int end, String text, List<Meaning> meanings, int corrections) {
        this.start = start;
        this.end = end;
        this.text = text;
        this.meanings = meanings;
        this.corrections = corrections;
    }

    boolean has(Meaning.Kind kind) {
        return meanings.stream().anyMatch(m -> m.kind() == kind);
    }

    Meaning get(Meaning.Kind kind) {
        return meanings.stream().filter(m -> m.kind() == kind).findFirst().orElse(null);
    }

    /** Whether the phrase only fills the sentence (articles, "attendees", ...) and may be passed over. */
    boolean isFiller() {
        return !meanings.isEmpty() && meanings.stream().allMatch(m -> m.kind() == Meaning.Kind.STOP
                || m.kind() == Meaning.Kind.ATTENDEE);
    }

    /** Marks the phrase as accounted for, read as {@code m}. */
    void use(Meaning m) {
        chosen = m;
        used = true;
    }

    @Override
    public String toString() {
        return text + meanings.stream().map(m -> m.kind().name()).toList();
    }
}
