package dev.attendees.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Injects realistic, correlated attendees into a JUnit 5 or 6 test: on a parameter or a field of type
 * {@code Attendee}, {@code List<Attendee>}, {@code Stream<Attendee>} or {@code AttendeeGenerator}.
 * The annotation registers {@link AttendeeExtension} by itself. On a test class (or an enclosing
 * class of a {@code @Nested} one) or a method it sets defaults for everything below it; attributes
 * left at their sentinel mean "use the enclosing setting", then the JUnit configuration parameters
 * {@code attendees.*} (see {@link AttendeeExtension}), then the generator's own defaults.
 *
 * <pre>{@code
 * @FakeAttendees(eventType = "security")            // defaults for the class
 * class BadgeScannerTest {
 *
 *     @FakeAttendees(count = 500)
 *     List<Attendee> crowd;                          // a fresh crowd before each test
 *
 *     @Test
 *     void scans_every_badge(@FakeAttendees(count = 1_000, seed = 42) List<Attendee> attendees,
 *                            @FakeAttendees Attendee vip) {
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Without a seed, each test gets a random one; when the test fails, the seed is added to the
 * failure (as a suppressed exception) and published as the report entry {@code attendees.seed}, and
 * {@code -Dattendees.seed=N} (or {@code seed = N}) reproduces the run. Within one test, injection
 * points that share settings take consecutive attendees of one generator, so every attendee in a
 * test is distinct, and a pinned seed {@code S} gives exactly
 * {@code AttendeeGenerator.builder().seed(S)...build().generate(n)} to the first injection point.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AttendeeExtension.class)
public @interface FakeAttendees {

    /** The sentinel of {@link #count()}: use the enclosing setting, else {@link #DEFAULT_COUNT}. */
    int UNSET_COUNT = -1;

    /** How many attendees a {@code List} or {@code Stream} gets when no count is set anywhere: {@value}. */
    int DEFAULT_COUNT = 10;

    /** The sentinel of {@link #seed()}: use the enclosing seed, else a random one per test. */
    long UNSET_SEED = Long.MIN_VALUE;

    /** The sentinel of {@link #corporateRatio()}: use the enclosing setting, else the generator's default. */
    double UNSET_RATIO = -1;

    /** How many attendees a {@code List<Attendee>} or {@code Stream<Attendee>} gets (ignored for one {@code Attendee}). */
    int count() default UNSET_COUNT;

    /** The seed; the same seed and settings give the same attendees on every run and machine. */
    long seed() default UNSET_SEED;

    /** The event's name; also infers the event type ("RSA Conference" → security). */
    String event() default "";

    /** A shipped event type: {@code cloud-native}, {@code security}, {@code ai-ml}, {@code data-analytics}, {@code fintech}, {@code healthcare-it}. */
    String eventType() default "";

    /** The share of corporate e-mail addresses, 0..1. */
    double corporateRatio() default UNSET_RATIO;

    /**
     * An event profile of your own, JSON or YAML: a file path (relative to the working directory),
     * or a classpath resource ({@code classpath:profiles/my-event.json}, or any name that is not a
     * file, looked up on the test class's class path).
     */
    String profile() default "";

    /** The crowd's locale: {@code de-DE}, a mix {@code en-US:3,ja-JP}, or {@code international}. */
    String locale() default "";

    /**
     * Only reserved, undeliverable addresses ({@code *.test}, {@code example.com}), for suites that
     * must never e-mail a real domain. Once on at any level, it stays on below it.
     */
    boolean undeliverableEmails() default false;
}
