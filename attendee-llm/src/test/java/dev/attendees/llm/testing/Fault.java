package dev.attendees.llm.testing;

/** What the fake server does wrong on one call. */
public enum Fault {
    /** A good answer. */
    NONE,
    /** HTTP 429 with {@code Retry-After}. */
    RATE_LIMITED,
    /** HTTP 500. */
    SERVER_ERROR,
    /** HTTP 503 with {@code Retry-After}. */
    UNAVAILABLE,
    /** Answers only after the client's timeout (the server's {@code slowDelay}). */
    SLOW,
    /** The JSON cut off in the middle of a record. */
    TRUNCATED,
    /** Prose before and after the JSON, which sits in a Markdown code fence. */
    PROSE,
    /** Industries and sizes in words of the model's own that map onto the lists ({@code "Tech"}, {@code "Large"}). */
    WRONG_ENUMS,
    /** An industry that maps onto nothing ({@code "Interplanetary Mining"}) in every other record. */
    UNMAPPABLE_ENUMS,
    /** Records already given in an earlier answer. */
    DUPLICATES,
    /** Half the records asked for. */
    TOO_FEW,
    /** Five records more than asked for. */
    TOO_MANY,
    /** Broken records: bad e-mail, time outside the event, interests off the catalogue. */
    BAD_RECORDS,
    /** Not JSON at all. */
    GARBAGE,
    /** HTTP 401, as for a wrong key. */
    UNAUTHORIZED,
    /** HTTP 400, as for a request the server refuses (an option it does not support). */
    BAD_REQUEST
}
