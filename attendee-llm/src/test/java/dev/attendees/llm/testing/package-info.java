/**
 * Test fixtures of {@code attendee-llm}, shipped in its test-jar for the module's tests, the CLI's
 * tests and the JMH benchmarks: {@link dev.attendees.llm.testing.FakeLlmServer}, a local OpenAI,
 * Anthropic and Ollama stand-in with latency and {@link dev.attendees.llm.testing.Fault faults}.
 * Not part of the library's API.
 */
package dev.attendees.llm.testing;
