package dev.attendees.llm;

import dev.attendees.llm.testing.FakeLlmServer;
import dev.attendees.llm.testing.Fault;
import dev.attendees.llm.testing.FaultPlan;
import java.time.Duration;

/**
 * The record-source contract on the LLM source when a third of the calls go wrong in every way the
 * fake server knows (rate limits, errors, truncated, wrapped or garbled replies, bad, duplicate,
 * too few or too many records) and a batch gets two tries: what the model cannot give comes from
 * the offline engine, and the contract still holds, the report counting records by origin.
 */
class LlmRecordSourceUnderFaultsContractTest extends LlmRecordSourceContractTest {

    @Override
    protected FakeLlmServer.Builder server() {
        return super.server().retryAfter(Duration.ofMillis(10))
                .faults(FaultPlan.random(16, 0.35, Fault.RATE_LIMITED, Fault.SERVER_ERROR, Fault.UNAVAILABLE,
                        Fault.TRUNCATED, Fault.PROSE, Fault.WRONG_ENUMS, Fault.UNMAPPABLE_ENUMS, Fault.DUPLICATES,
                        Fault.TOO_FEW, Fault.TOO_MANY, Fault.BAD_RECORDS, Fault.GARBAGE));
    }

    @Override
    protected LlmSettings.Builder settings() {
        return super.settings().batchAttempts(2);
    }
}
