package dev.attendees.cli;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.attendees.Secrets;

/**
 * Logback's pattern layout with every formatted event, stack trace included, passed through
 * {@link Secrets#mask}: a key that a library puts into a log line (Resilience4j's debug events
 * quote exceptions, which quote servers' answers) never reaches the terminal. Configured in
 * {@code logback.xml}:
 *
 * <pre>{@code
 * <encoder class="ch.qos.logback.core.encoder.LayoutWrappingEncoder">
 *   <layout class="dev.attendees.cli.MaskingPatternLayout">
 *     <pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern>
 *   </layout>
 * </encoder>
 * }</pre>
 */
public final class MaskingPatternLayout extends PatternLayout {

    @Override
    public String doLayout(ILoggingEvent event) {
        return Secrets.mask(super.doLayout(event));
    }
}
