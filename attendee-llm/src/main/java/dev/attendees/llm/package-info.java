/**
 * LLM generation and questions for {@code attendees}, on LangChain4j (OpenAI and any OpenAI-compatible server,
 * Anthropic, Ollama) with Resilience4j retries, rate limiting, bulkhead and circuit breaker.
 *
 * <ul>
 *   <li>{@link dev.attendees.llm.LlmSettings}: provider, endpoint, model, concurrency, batch size,
 *       timeouts, retries, fallback; keys from the environment.
 *   <li>{@link dev.attendees.llm.LlmRecordSource}: record mode, a {@code RecordSource} whose records
 *       a model writes, checked against the data contract, resumable from a checkpoint.
 *   <li>{@link dev.attendees.llm.LlmProfileDesigner}: profile mode, a model designs an
 *       {@code EventProfile} that the offline engine then uses at full speed;
 *       {@link dev.attendees.llm.ProfileDesign} says whether the model designed it or a built-in
 *       profile stands in.
 *   <li>{@link dev.attendees.llm.LlmQuestionTranslator}: questions about the data translated by a
 *       model into a checked query plan (or one SELECT for the engine's guard), with corrections.
 * </ul>
 *
 * <pre>{@code
 * LlmSettings settings = LlmSettings.builder().provider(LlmProvider.ANTHROPIC).build();
 * AttendeeGenerator generator = AttendeeGenerator.builder()
 *         .event("KubeCon Europe 2026")
 *         .source(LlmRecordSource.factory(settings))
 *         .build();
 * try (RecordSource source = generator.source()) {     // releases the source's threads
 *     List<Attendee> attendees = generator.generate(100);
 * }
 * }</pre>
 *
 * See {@code docs/llm.md} and {@code docs/prompts.md}.
 */
package dev.attendees.llm;
