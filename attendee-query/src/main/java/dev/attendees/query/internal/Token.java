package dev.attendees.query.internal;

/**
 * One word of a question: as written (for messages), in lower case, and in its matching form
 * (lower case, singular: {@link Words#stem}).
 */
record Token(String original, String lower, String stem, int index) {}
