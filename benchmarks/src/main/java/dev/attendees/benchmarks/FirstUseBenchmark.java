package dev.attendees.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.junit.FakeAttendees;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the library costs the first time a JVM uses it: each fork is a fresh JVM that makes one
 * measurement, of the first call only (no warm-up), so the score is the cold cost, class loading
 * and table reading included. {@code firstInjection}: a test class with one
 * {@code @FakeAttendees List<Attendee>} parameter, run through the JUnit Platform launcher after
 * JUnit itself ran an empty class once (so JUnit's own start is not counted). Target: under 100 ms.
 * {@code firstGenerator}: {@code AttendeeGenerator.builder().seed(42).build().generate(1)}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 20, jvmArgsAppend = {"-Xms256m", "-Xmx1g"})
public class FirstUseBenchmark {

    private Launcher launcher;
    private LauncherDiscoveryRequest injecting;

    @Setup(Level.Trial)
    public void setUp() {
        launcher = LauncherFactory.create();
        run(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(EmptyTest.class)).build());
        injecting = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(InjectingTest.class)).build();
    }

    /** The first {@code @FakeAttendees} injection in this JVM. */
    @Benchmark
    public long firstInjection() {
        return run(injecting);
    }

    /** The first generator built in this JVM, and its first attendee. */
    @Benchmark
    public Attendee firstGenerator() {
        return AttendeeGenerator.builder().seed(42).build().generate(1).get(0);
    }

    private long run(LauncherDiscoveryRequest request) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        if (listener.getSummary().getTestsSucceededCount() != 1) {
            throw new IllegalStateException("expected one passing test: " + listener.getSummary().getFailures());
        }
        return listener.getSummary().getTestsSucceededCount();
    }

    /** A user's test, injected with the default {@value FakeAttendees#DEFAULT_COUNT} attendees. */
    public static class InjectingTest {
        @Test
        public void badges(@FakeAttendees List<Attendee> attendees) {
            if (attendees.size() != FakeAttendees.DEFAULT_COUNT) {
                throw new AssertionError("expected " + FakeAttendees.DEFAULT_COUNT + " attendees, got " + attendees.size());
            }
        }
    }

    /** The same test with nothing injected, run first so that JUnit's own start is not measured. */
    public static class EmptyTest {
        @Test
        public void badges() {}
    }
}
