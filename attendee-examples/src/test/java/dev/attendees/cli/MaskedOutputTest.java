package dev.attendees.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import dev.attendees.ProviderException;
import dev.attendees.Secrets;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The CLI's own masking points: the log layout (and that logback.xml uses it) and the failure it prints. */
class MaskedOutputTest {
    private static final String KEY = "sk-cli-mask-9Fq2Lw7Zx4Rt1Vb8";

    static {
        Secrets.register(KEY);
    }

    @Test
    void the_log_layout_should_mask_the_message_and_the_stack_trace() {
        LoggerContext context = new LoggerContext();
        MaskingPatternLayout layout = new MaskingPatternLayout();
        layout.setContext(context);
        layout.setPattern("%-5level %logger - %msg%n");
        layout.start();
        Logger logger = context.getLogger("io.github.resilience4j.circuitbreaker.internal.CircuitBreakerStateMachine");
        Throwable failure = new IllegalStateException("Incorrect API key provided: " + KEY.substring(0, 9) + "****8",
                new RuntimeException("{\"error\":\"you sent " + KEY + "\"}"));
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.DEBUG, "recorded an error: {}", failure,
                new Object[] {failure.toString()});

        String line = layout.doLayout(event);

        assertThat(line).startsWith("DEBUG io.github.resilience4j.circuitbreaker.internal.CircuitBreakerStateMachine - recorded an error: ")
                .contains("Incorrect API key provided: *******8", "Caused by: java.lang.RuntimeException: {\"error\":\"you sent ***\"}", "\tat ")
                .doesNotContain(KEY.substring(0, 8)).doesNotContain(KEY.substring(KEY.length() - 8));
    }

    @Test
    @SuppressWarnings("unchecked")
    void logback_xml_should_write_the_cli_log_through_the_masking_layout() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

        OutputStreamAppender<ILoggingEvent> stderr = (OutputStreamAppender<ILoggingEvent>) root.getAppender("STDERR");

        assertThat(stderr.getEncoder()).isInstanceOfSatisfying(LayoutWrappingEncoder.class,
                encoder -> assertThat(encoder.getLayout()).isInstanceOf(MaskingPatternLayout.class));
    }

    @Test
    void a_failure_should_be_printed_masked_line_and_stack_trace() {
        ProviderException failure = new ProviderException("openai gpt-4o-mini refused the request (HTTP 400): bad key " + KEY, false,
                new RuntimeException("Authorization: Bearer " + KEY));
        StringWriter err = new StringWriter();

        AttendeesCommand.printFailure(new PrintWriter(err), failure, true);

        assertThat(err.toString()).startsWith("attendees: openai gpt-4o-mini refused the request (HTTP 400): bad key ***" + System.lineSeparator())
                .contains("Caused by: java.lang.RuntimeException: Authorization: Bearer ***").doesNotContain(KEY.substring(3, 11));
    }
}
