package dev.attendees.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs a {@code @ParameterizedTest} once per attendee: {@link #count()} attendees, one a
 * invocation, each shown by name and e-mail. Settings follow {@link FakeAttendees} (a class-level
 * {@code @FakeAttendees} sets defaults here too), and a failing invocation reports the seed the
 * same way.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @AttendeeSource(count = 25, eventType = "fintech", seed = 7)
 * void every_attendee_gets_a_badge(Attendee attendee) {
 *     assertThat(badges.print(attendee)).contains(attendee.name());
 * }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(AttendeeArgumentsProvider.class)
@ExtendWith(AttendeeExtension.class)
public @interface AttendeeSource {

    /** How many invocations (attendees); the enclosing setting, else {@link FakeAttendees#DEFAULT_COUNT}. */
    int count() default FakeAttendees.UNSET_COUNT;

    /** See {@link FakeAttendees#seed()}. */
    long seed() default FakeAttendees.UNSET_SEED;

    /** See {@link FakeAttendees#event()}. */
    String event() default "";

    /** See {@link FakeAttendees#eventType()}. */
    String eventType() default "";

    /** See {@link FakeAttendees#corporateRatio()}. */
    double corporateRatio() default FakeAttendees.UNSET_RATIO;

    /** See {@link FakeAttendees#profile()}. */
    String profile() default "";

    /** See {@link FakeAttendees#locale()}. */
    String locale() default "";

    /** See {@link FakeAttendees#undeliverableEmails()}. */
    boolean undeliverableEmails() default false;
}
