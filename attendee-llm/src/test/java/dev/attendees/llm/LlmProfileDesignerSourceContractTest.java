package dev.attendees.llm;

import dev.attendees.AttendeeGenerator;
import dev.attendees.llm.testing.FakeLlmServer;
import dev.attendees.profile.EventProfile;
import dev.attendees.spi.AbstractRecordSourceContractTest;
import dev.attendees.spi.RecordSourceFactory;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The record-source contract on a profile designer's source: the offline engine, reporting the
 * design, run on the profile the (fake) model designed, so that attendees of a designed profile are
 * held to the data contract as the built-in profiles' are.
 */
class LlmProfileDesignerSourceContractTest extends AbstractRecordSourceContractTest {
    private static final String EVENT = "DevSecOps Days Helsinki 2027";

    private FakeLlmServer server;
    private LlmProfileDesigner designer;
    private EventProfile designed;

    @BeforeEach
    void designTheProfile() {
        server = FakeLlmServer.builder().start();
        designer = LlmProfileDesigner.builder()
                .settings(LlmSettings.builder().baseUrl(server.baseUrl(LlmProvider.OPENAI)).apiKey("sk-designer-0001").build())
                .cacheDirectory(files.resolve("profiles")).build();
        designed = designer.design(EVENT);
    }

    @AfterEach
    void stopTheServer() {
        designer.close();
        server.close();
    }

    @Override
    protected RecordSourceFactory factory() {
        return designer.source();
    }

    @Override
    protected AttendeeGenerator.Builder options() {
        return AttendeeGenerator.builder().event(EVENT).profile(designed).seed(SEED);
    }

    /** The designed profile too, narrowed as the contract narrows a built-in one. */
    @Override
    protected AttendeeGenerator.Builder narrowOptions() {
        return options().seed(SEED + 1).dates(LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 4))
                .dailyHours(LocalTime.of(10, 0), LocalTime.of(14, 30)).locale("international").undeliverableEmails(true);
    }
}
