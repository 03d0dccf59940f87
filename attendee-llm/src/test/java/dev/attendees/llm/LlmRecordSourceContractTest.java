package dev.attendees.llm;

import dev.attendees.llm.testing.FakeLlmServer;
import dev.attendees.spi.AbstractRecordSourceContractTest;
import dev.attendees.spi.RecordSourceFactory;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The record-source contract on the LLM source, against a fake server that answers every call well. */
class LlmRecordSourceContractTest extends AbstractRecordSourceContractTest {
    static final String KEY = "sk-test-contract-0123456789";

    protected FakeLlmServer server;

    /** The fake server of one test. */
    protected FakeLlmServer.Builder server() {
        return FakeLlmServer.builder().apiKey(KEY);
    }

    @BeforeEach
    void startTheServer() {
        server = server().start();
    }

    @AfterEach
    void stopTheServer() {
        server.close();
    }

    /** Settings for the fake server: short waits, four calls in flight. */
    protected LlmSettings.Builder settings() {
        return LlmSettings.builder().baseUrl(server.baseUrl(LlmProvider.OPENAI)).apiKey(KEY)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(200)).concurrency(4);
    }

    @Override
    protected RecordSourceFactory factory() {
        return LlmRecordSource.factory(settings().build());
    }
}
