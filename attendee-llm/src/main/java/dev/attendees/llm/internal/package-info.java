/**
 * The workings of {@code attendee-llm}: the resilient client, prompts and schemas, the lenient
 * JSON extractor, record checks and repairs, the run's registry of people and companies, the
 * checkpoint, and the mapping of designed profiles. Not API: anything here may change.
 */
package dev.attendees.llm.internal;
