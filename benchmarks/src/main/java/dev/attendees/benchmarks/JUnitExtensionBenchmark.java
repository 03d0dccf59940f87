package dev.attendees.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.attendees.Attendee;
import dev.attendees.junit.FakeAttendees;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the JUnit extension costs a test suite: a class of {@value #TESTS} tests, each given 1,000
 * attendees by {@code @FakeAttendees} (a random seed per test, as by default), run through the
 * JUnit Platform launcher as a build tool runs it; the score is the time per test. The same class
 * with empty tests is the baseline of JUnit's own cost. Target: under 20 ms per test.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
public class JUnitExtensionBenchmark {

    /** Tests per fixture class. */
    static final int TESTS = 10;

    private Launcher launcher;
    private LauncherDiscoveryRequest injecting;
    private LauncherDiscoveryRequest empty;

    @Setup(Level.Trial)
    public void setUp() {
        launcher = LauncherFactory.create();
        injecting = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(InjectingTests.class)).build();
        empty = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(EmptyTests.class)).build();
    }

    /** Ten tests, each injected with {@code @FakeAttendees(count = 1_000) List<Attendee>}. */
    @Benchmark
    @OperationsPerInvocation(TESTS)
    public long thousandAttendeesPerTest() {
        return run(injecting);
    }

    /** Ten empty tests: JUnit's own cost per test, for comparison. */
    @Benchmark
    @OperationsPerInvocation(TESTS)
    public long emptyTests() {
        return run(empty);
    }

    private long run(LauncherDiscoveryRequest request) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTestsSucceededCount() != TESTS) {
            throw new IllegalStateException("expected " + TESTS + " passing tests, got " + summary.getTestsSucceededCount()
                    + " of " + summary.getTestsFoundCount() + ": " + summary.getFailures());
        }
        return summary.getTestsSucceededCount();
    }

    /** The fixture: what a user's test class looks like. */
    public static class InjectingTests {
        static void check(List<Attendee> attendees) {
            if (attendees.size() != 1_000) {
                throw new AssertionError("expected 1,000 attendees, got " + attendees.size());
            }
        }

        @Test public void t01(@FakeAttendees(count = 1_000) List<Attendee> a) { check(a); }
        @Test public void t02(@FakeAttendees(count = 1_000) List<Attendee> a) { check(a); }
        @Test public void t03(@FakeAttendees(count = 1_000) List<Attendee> a) { check(a); }
        @Test public void t04(@FakeAttendees(count = 1_000) List<Attendee> a) { check(a); }
        @Test public void t05(@FakeAttendees(count = 1_000) List<Attendee> a) { check(a); }
        @Test public void t06(@FakeAttendees(count = 1_000) List<Attendee> a) { check(a); }
        @Test public void t07(@FakeAttendees(count = 1_000) List<Attendee> a) { check(a); }
        @Test public void t08(@FakeAttendees(count = 1_000) List<Attendee> a) { check(a); }
        @Test public void t09(@FakeAttendees(count = 1_000) List<Attendee> a) { check(a); }
        @Test public void t10(@FakeAttendees(count = 1_000) List<Attendee> a) { check(a); }
    }

    /** The baseline fixture: the same ten tests with nothing injected. */
    public static class EmptyTests {
        @Test public void t01() {}
        @Test public void t02() {}
        @Test public void t03() {}
        @Test public void t04() {}
        @Test public void t05() {}
        @Test public void t06() {}
        @Test public void t07() {}
        @Test public void t08() {}
        @Test public void t09() {}
        @Test public void t10() {}
    }
}
