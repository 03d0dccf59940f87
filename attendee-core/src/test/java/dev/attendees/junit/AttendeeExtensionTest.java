package dev.attendees.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.Industry;
import dev.attendees.profile.EventProfiles;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The extension as users meet it: fixture classes ({@code *TestCase}, not run by the build itself)
 * executed through JUnit's {@link EngineTestKit}, recording what they were given.
 */
class AttendeeExtensionTest {

    /** What fixtures saw, by test name. */
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    @BeforeEach
    void clear() {
        SEEN.clear();
    }

    private static EngineExecutionResults run(Class<?> fixture, String... configuration) {
        var request = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture));
        for (int i = 0; i < configuration.length; i += 2) {
            request = request.configurationParameter(configuration[i], configuration[i + 1]);
        }
        return request.execute();
    }

    private static List<Attendee> expected(long seed, int from, int to) {
        return AttendeeGenerator.builder().seed(seed).build().slice(from, to);
    }

    @SuppressWarnings("unchecked")
    private static <T> T seen(String key) {
        assertThat(SEEN).containsKey(key);
        return (T) SEEN.get(key);
    }

    private static Throwable failure(Event event) {
        return event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    // ---------------------------------------------------------------- every supported type

    static class ParameterTypesTestCase {
        @Test
        void all(@FakeAttendees(seed = 42, count = 5) List<Attendee> list, @FakeAttendees(seed = 42) Attendee one,
                @FakeAttendees(seed = 42, count = 3) Stream<Attendee> stream, @FakeAttendees(seed = 42) AttendeeGenerator generator) {
            SEEN.put("list", list);
            SEEN.put("one", one);
            SEEN.put("stream", stream.toList());
            SEEN.put("generator", generator);
        }
    }

    @Test
    void should_inject_every_supported_parameter_type_as_consecutive_attendees_of_one_seeded_generator() {
        run(ParameterTypesTestCase.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));

        assertThat(this.<List<Attendee>>seen("list")).isEqualTo(expected(42, 0, 5));
        assertThat(this.<Attendee>seen("one")).isEqualTo(expected(42, 5, 6).get(0));
        assertThat(this.<List<Attendee>>seen("stream")).isEqualTo(expected(42, 6, 9));
        AttendeeGenerator generator = seen("generator");
        assertThat(generator.seed()).isEqualTo(42);
        assertThat(generator.generate(3)).isEqualTo(expected(42, 0, 3));
    }

    static class FieldsTestCase {
        @FakeAttendees(count = 4)
        static List<Attendee> shared;

        @FakeAttendees(count = 3)
        List<Attendee> fresh;

        @FakeAttendees
        Attendee one;

        @FakeAttendees
        AttendeeGenerator generator;

        @FakeAttendees(count = 2, seed = 21)
        Stream<Attendee> lazy;

        @Test
        void first() {
            SEEN.put("first", List.of(shared, fresh, one, generator));
            SEEN.put("lazy", lazy.toList());
        }

        @Test
        void second() {
            SEEN.put("second", List.of(shared, fresh, one, generator));
        }
    }

    @Test
    void should_fill_static_fields_once_per_class_and_instance_fields_before_each_test() {
        run(FieldsTestCase.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));

        List<Object> first = seen("first");
        List<Object> second = seen("second");
        assertThat(first.get(0)).as("static field, same for both tests").isSameAs(second.get(0)).asList().hasSize(4);
        assertThat((List<?>) first.get(1)).hasSize(3);
        AttendeeGenerator g1 = (AttendeeGenerator) first.get(3);
        AttendeeGenerator g2 = (AttendeeGenerator) second.get(3);
        assertThat(g1.seed()).as("each test its own random seed").isNotEqualTo(g2.seed());
        // Fields are filled in JUnit's field order (deterministic, not declaration order), so
        // 'fresh' and 'one' together are the test generator's first four attendees.
        List<Object> firstFour = new ArrayList<>((List<?>) first.get(1));
        firstFour.add(first.get(2));
        assertThat(firstFour).containsExactlyInAnyOrderElementsOf(g1.slice(0, 4));
        List<Object> secondFour = new ArrayList<>((List<?>) second.get(1));
        secondFour.add(second.get(2));
        assertThat(secondFour).containsExactlyInAnyOrderElementsOf(g2.slice(0, 4));
        assertThat(this.<List<Attendee>>seen("lazy")).isEqualTo(expected(21, 0, 2));
    }

    static class ConstructorTestCase {
        private final List<Attendee> attendees;
        private final AttendeeGenerator generator;

        ConstructorTestCase(@FakeAttendees(count = 2) List<Attendee> attendees, @FakeAttendees AttendeeGenerator generator) {
            this.attendees = attendees;
            this.generator = generator;
        }

        @Test
        void uses_constructor_attendees(@FakeAttendees Attendee next) {
            SEEN.put("ctor", List.of(attendees, generator, next));
        }
    }

    @Test
    void should_resolve_constructor_parameters_in_the_tests_own_context() {
        run(ConstructorTestCase.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));

        List<Object> values = seen("ctor");
        AttendeeGenerator generator = (AttendeeGenerator) values.get(1);
        assertThat(values.get(0)).isEqualTo(generator.slice(0, 2));
        assertThat(values.get(2)).as("the test method continues after the constructor's attendees")
                .isEqualTo(generator.attendee(2));
    }

    // ---------------------------------------------------------------- defaults and precedence

    @FakeAttendees(eventType = "security", count = 7, seed = 3)
    static class ClassDefaultsTestCase {
        @Test
        void class_defaults(@FakeAttendees List<Attendee> attendees, @FakeAttendees AttendeeGenerator generator) {
            SEEN.put("class", List.of(attendees, generator));
        }

        @Test
        @FakeAttendees(eventType = "fintech", count = 2)
        void method_over_class(@FakeAttendees List<Attendee> attendees, @FakeAttendees(count = 1) List<Attendee> next,
                @FakeAttendees AttendeeGenerator generator) {
            SEEN.put("method", List.of(attendees, next, generator));
        }

        @Nested
        @FakeAttendees(corporateRatio = 0.0)
        class Inner {
            @Test
            void nested_over_enclosing(@FakeAttendees List<Attendee> attendees, @FakeAttendees AttendeeGenerator generator) {
                SEEN.put("nested", List.of(attendees, generator));
            }
        }
    }

    @Test
    void should_take_defaults_from_the_class_and_let_the_method_and_parameter_override_them() {
        run(ClassDefaultsTestCase.class).testEvents().assertStatistics(s -> s.started(3).succeeded(3));

        List<Object> cls = seen("class");
        AttendeeGenerator classGenerator = (AttendeeGenerator) cls.get(1);
        assertThat(classGenerator.eventType()).isEqualTo("security");
        assertThat(classGenerator.seed()).isEqualTo(3);
        assertThat((List<?>) cls.get(0)).hasSize(7).isEqualTo(
                AttendeeGenerator.builder().eventType("security").seed(3).build().generate(7));

        List<Object> method = seen("method");
        assertThat(((AttendeeGenerator) method.get(2)).eventType()).isEqualTo("fintech");
        assertThat((List<?>) method.get(0)).hasSize(2);
        assertThat((List<?>) method.get(1)).hasSize(1);

        List<Object> nested = seen("nested");
        AttendeeGenerator nestedGenerator = (AttendeeGenerator) nested.get(1);
        assertThat(nestedGenerator.eventType()).as("enclosing class default").isEqualTo("security");
        assertThat(nestedGenerator.options().corporateRatio()).as("nested class default").isZero();
        assertThat(nested.get(0)).isEqualTo(
                AttendeeGenerator.builder().eventType("security").seed(3).corporateRatio(0).build().generate(7));
    }

    @Target({ElementType.PARAMETER, ElementType.FIELD})
    @Retention(RetentionPolicy.RUNTIME)
    @FakeAttendees(event = "Money20/20 Europe", count = 6, undeliverableEmails = true)
    @interface FintechCrowd {}

    static class ComposedAnnotationTestCase {
        @Test
        void composed(@FintechCrowd List<Attendee> attendees) {
            SEEN.put("composed", attendees);
        }
    }

    @Test
    void should_honour_a_composed_annotation_of_the_users_own() {
        run(ComposedAnnotationTestCase.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));

        List<Attendee> attendees = seen("composed");
        assertThat(attendees).hasSize(6).allSatisfy(a -> {
            assertThat(a.eventName()).isEqualTo("Money20/20 Europe");
            assertThat(a.email()).matches(".*@(example\\.com|.*\\.test)$");
        });
    }

    static class ConfigurationTestCase {
        @Test
        void configured(@FakeAttendees List<Attendee> attendees, @FakeAttendees AttendeeGenerator generator) {
            SEEN.put("configured", List.of(attendees, generator));
        }
    }

    @Test
    void should_take_project_wide_defaults_from_configuration_parameters() {
        run(ConfigurationTestCase.class, "attendees.seed", "99", "attendees.count", "12",
                "attendees.event-type", "healthcare-it", "attendees.locale", "de-DE").testEvents()
                .assertStatistics(s -> s.started(1).succeeded(1));

        List<Object> values = seen("configured");
        AttendeeGenerator generator = (AttendeeGenerator) values.get(1);
        assertThat(generator.seed()).isEqualTo(99);
        assertThat(generator.eventType()).isEqualTo("healthcare-it");
        assertThat(generator.options().locales()).containsOnlyKeys("de-DE");
        assertThat((List<?>) values.get(0)).hasSize(12).isEqualTo(AttendeeGenerator.builder().seed(99)
                .eventType("healthcare-it").locale("de-DE").build().generate(12));
    }

    // ---------------------------------------------------------------- profiles

    static class ProfileTestCase {
        @Test
        void from_classpath(@FakeAttendees(profile = "classpath:dev/attendees/profiles/security.json", seed = 8, count = 20)
                List<Attendee> attendees) {
            SEEN.put("classpath", attendees);
        }

        @Test
        void missing(@FakeAttendees(profile = "no/such/profile.json") List<Attendee> attendees) {}
    }

    @Test
    void should_load_a_profile_from_the_class_path_and_name_what_it_tried_when_missing() {
        EngineExecutionResults results = run(ProfileTestCase.class);

        List<Attendee> fromClasspath = seen("classpath");
        assertThat(fromClasspath).isEqualTo(AttendeeGenerator.builder().eventType("security").seed(8).build().generate(20));
        Event missing = results.testEvents().failed().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().startsWith("missing")).findFirst().orElseThrow();
        assertThat(failure(missing)).isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("parameter 'attendees'").hasMessageContaining("missing()")
                .hasMessageContaining("profile 'no/such/profile.json' not found")
                .hasMessageContaining("class-path resource no/such/profile.json");
    }

    @Test
    void should_load_a_profile_file_by_path(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("event.json");
        Files.writeString(file, EventProfiles.toJson(EventProfiles.builtIn("ai-ml")).replace("\"id\" : \"ai-ml\"", "\"id\" : \"file-event\""));
        List<Attendee> attendees = Settings.NONE.over(new Settings(3, 5L, null, null, null, file.toString(), null, false))
                .generator(5, getClass()).generate(3);
        assertThat(attendees).hasSize(3).isEqualTo(AttendeeGenerator.builder().profile(file).seed(5).build().generate(3));
    }

    // ---------------------------------------------------------------- seeds

    static class RandomSeedTestCase {
        @Test
        void a(@FakeAttendees AttendeeGenerator generator, @FakeAttendees(count = 3) List<Attendee> attendees) {
            SEEN.put("a", List.of(generator.seed(), attendees));
        }

        @Test
        void b(@FakeAttendees AttendeeGenerator generator, @FakeAttendees(count = 3) List<Attendee> attendees) {
            SEEN.put("b", List.of(generator.seed(), attendees));
        }
    }

    @Test
    void should_give_each_test_its_own_random_seed_and_repeat_it_when_pinned() {
        run(RandomSeedTestCase.class).testEvents().assertStatistics(s -> s.succeeded(2));
        List<Object> a = seen("a");
        List<Object> b = seen("b");
        assertThat(a.get(0)).isNotEqualTo(b.get(0));
        assertThat(a.get(1)).isNotEqualTo(b.get(1));
        assertThat(a.get(1)).isEqualTo(expected((Long) a.get(0), 0, 3));

        run(RandomSeedTestCase.class, "attendees.seed", "1234");
        List<Object> pinnedA = seen("a");
        List<Object> pinnedB = seen("b");
        assertThat(pinnedA.get(0)).isEqualTo(1234L);
        assertThat(pinnedA.get(1)).isEqualTo(pinnedB.get(1)).isEqualTo(expected(1234, 0, 3));
    }

    static class FailingTestCase {
        @Test
        void fails(@FakeAttendees(count = 3) List<Attendee> attendees) {
            SEEN.put("failing:" + SEEN.size(), attendees);
            assertThat(attendees).isEmpty();
        }
    }

    @Test
    void should_show_the_seed_of_a_failing_test_and_reproduce_it_with_that_seed() {
        EngineExecutionResults results = run(FailingTestCase.class);
        results.testEvents().assertStatistics(s -> s.failed(1));
        Throwable failure = failure(results.testEvents().failed().stream().findFirst().orElseThrow());
        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure.getSuppressed()).singleElement().satisfies(s -> assertThat(s.getMessage())
                .matches("attendees were made with seed \\d+ \\(random\\); reproduce with @FakeAttendees\\(seed = \\d+L\\) or -Dattendees.seed=\\d+"));
        List<String> reported = results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get(AttendeeExtension.REPORT_KEY))
                .toList();
        assertThat(reported).singleElement().satisfies(seed -> assertThat(seed).matches("\\d+"));
        List<Attendee> firstRun = seen("failing:0");

        SEEN.clear();
        run(FailingTestCase.class, AttendeeExtension.SEED_PARAMETER, reported.get(0));
        assertThat(this.<List<Attendee>>seen("failing:0")).as("the reported seed reproduces the attendees").isEqualTo(firstRun);
    }

    // ---------------------------------------------------------------- wrong use

    static class WrongTypesTestCase {
        @Test
        void string(@FakeAttendees String name) {}

        @Test
        void list_of_strings(@FakeAttendees List<String> names) {}

        @SuppressWarnings("rawtypes")
        @Test
        void raw_list(@FakeAttendees List attendees) {}

        @Test
        void bad_count(@FakeAttendees(count = 0) List<Attendee> attendees) {}

        @Test
        void bad_event_type(@FakeAttendees(eventType = "gardening") List<Attendee> attendees) {}
    }

    @Test
    void should_reject_wrong_types_and_settings_with_a_message_naming_the_parameter() {
        EngineExecutionResults results = run(WrongTypesTestCase.class);
        results.testEvents().assertStatistics(s -> s.started(5).failed(5));
        Map<String, Throwable> failures = results.testEvents().failed().stream().collect(Collectors.toMap(
                e -> e.getTestDescriptor().getDisplayName().replaceFirst("\\(.*", ""), AttendeeExtensionTest::failure));

        assertThat(failures.values()).allSatisfy(t -> assertThat(t).isInstanceOf(ParameterResolutionException.class));
        assertThat(failures.get("string")).hasMessage("@FakeAttendees cannot inject parameter 'name' (index 0) of "
                + "WrongTypesTestCase.string() of type java.lang.String: supported types are Attendee, List<Attendee>, "
                + "Stream<Attendee>, AttendeeGenerator, Crowd (test), Contested (test)");
        assertThat(failures.get("list_of_strings")).hasMessageContaining("parameter 'names'")
                .hasMessageContaining("java.util.List<java.lang.String>");
        assertThat(failures.get("raw_list")).hasMessageContaining("parameter 'attendees'").hasMessageContaining("of type java.util.List:");
        assertThat(failures.get("bad_count")).hasMessage("@FakeAttendees on parameter 'attendees' (index 0) of "
                + "WrongTypesTestCase.bad_count(): count must be at least 1, was 0");
        assertThat(failures.get("bad_event_type")).hasMessageContaining("parameter 'attendees'")
                .hasMessageContaining("unknown event type 'gardening'");
    }

    static class WrongFieldTestCase {
        @FakeAttendees
        Set<Attendee> attendees;

        @Test
        void never_runs() {}
    }

    static class FinalFieldTestCase {
        @FakeAttendees
        final Attendee attendee = null;

        @Test
        void never_runs() {}
    }

    @Test
    void should_reject_a_field_of_a_wrong_type_or_a_final_field() {
        Throwable wrong = failure(run(WrongFieldTestCase.class).testEvents().failed().stream().findFirst().orElseThrow());
        assertThat(wrong).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("field 'attendees'").hasMessageContaining("java.util.Set<dev.attendees.Attendee>");
        Throwable fin = failure(run(FinalFieldTestCase.class).testEvents().failed().stream().findFirst().orElseThrow());
        assertThat(fin).isInstanceOf(ExtensionConfigurationException.class).hasMessageContaining("must not be final");
    }

    // ---------------------------------------------------------------- injectors (AttendeeInjector)

    static class InjectorTestCase {
        @Test
        void crowd(@FakeAttendees(count = 4, seed = 9) CrowdInjector.Crowd crowd, @FakeAttendees(seed = 9) Attendee next) {
            assertThat(CrowdInjector.RELEASED).as("released only after the test").hasValue(0);
            SEEN.put("crowd", List.of(crowd, next));
        }

        @Test
        void contested(@FakeAttendees CrowdInjector.Contested contested) {}
    }

    @Test
    void should_inject_what_an_injector_makes_and_release_it_after_the_test() {
        CrowdInjector.RELEASED.set(0);
        EngineExecutionResults results = run(InjectorTestCase.class);
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));

        List<Object> values = seen("crowd");
        assertThat(((CrowdInjector.Crowd) values.get(0)).attendees()).isEqualTo(expected(9, 0, 4));
        assertThat(values.get(1)).as("the next injection point continues after the crowd").isEqualTo(expected(9, 4, 5).get(0));
        assertThat(CrowdInjector.RELEASED).hasValue(1);
        assertThat(failure(results.testEvents().failed().stream().findFirst().orElseThrow()))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageStartingWith("@FakeAttendees on parameter 'contested' (index 0) of InjectorTestCase.contested(): ")
                .hasMessageContaining("several injectors make dev.attendees.junit.CrowdInjector$Contested")
                .hasMessageContaining("dev.attendees.junit.CrowdInjector, dev.attendees.junit.CrowdInjector$Rival");
    }

    // ---------------------------------------------------------------- @AttendeeSource

    @FakeAttendees(eventType = "data-analytics")
    static class SourceTestCase {
        @ParameterizedTest
        @AttendeeSource(count = 4, seed = 11)
        void each(Attendee attendee) {
            SEEN.put("each:" + attendee.id(), attendee);
        }

        @ParameterizedTest
        @AttendeeSource(count = 2)
        void random(Attendee attendee) {
            assertThat(attendee.id()).isEqualTo(-1);
        }
    }

    @Test
    void should_feed_a_parameterized_test_one_attendee_per_invocation_named_by_name_and_email() {
        EngineExecutionResults results = run(SourceTestCase.class);
        results.testEvents().assertStatistics(s -> s.started(6).succeeded(4).failed(2));

        List<Attendee> expected = AttendeeGenerator.builder().eventType("data-analytics").seed(11).build().generate(4);
        for (Attendee a : expected) {
            assertThat(this.<Attendee>seen("each:" + a.id())).isEqualTo(a);
        }
        List<String> names = results.testEvents().succeeded().stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
        // JUnit's default pattern: "[1] attendee=Jane Doe <jane.doe@acme.com>" (the parameter name needs -parameters).
        assertThat(names).hasSize(4);
        for (int i = 0; i < 4; i++) {
            Attendee a = expected.get(i);
            assertThat(names.get(i)).startsWith("[" + (i + 1) + "] ").endsWith(a.name() + " <" + a.email() + ">");
        }
        assertThat(results.testEvents().failed().stream().map(AttendeeExtensionTest::failure))
                .allSatisfy(t -> assertThat(t.getSuppressed()).singleElement()
                        .satisfies(s -> assertThat(s.getMessage()).contains("(random)")));
    }

    // ---------------------------------------------------------------- parallel execution

    static class ParallelTestCase {
        static void record(String test, AttendeeGenerator generator, List<Attendee> attendees, Attendee extra) {
            SEEN.put(test, List.of(generator.seed(), attendees, extra, Thread.currentThread().getName()));
        }

        @Test void t01(@FakeAttendees AttendeeGenerator g, @FakeAttendees(count = 300) List<Attendee> l, @FakeAttendees Attendee a) { record("t01", g, l, a); }
        @Test void t02(@FakeAttendees AttendeeGenerator g, @FakeAttendees(count = 300) List<Attendee> l, @FakeAttendees Attendee a) { record("t02", g, l, a); }
        @Test void t03(@FakeAttendees AttendeeGenerator g, @FakeAttendees(count = 300) List<Attendee> l, @FakeAttendees Attendee a) { record("t03", g, l, a); }
        @Test void t04(@FakeAttendees AttendeeGenerator g, @FakeAttendees(count = 300) List<Attendee> l, @FakeAttendees Attendee a) { record("t04", g, l, a); }
        @Test void t05(@FakeAttendees AttendeeGenerator g, @FakeAttendees(count = 300) List<Attendee> l, @FakeAttendees Attendee a) { record("t05", g, l, a); }
        @Test void t06(@FakeAttendees AttendeeGenerator g, @FakeAttendees(count = 300) List<Attendee> l, @FakeAttendees Attendee a) { record("t06", g, l, a); }
        @Test void t07(@FakeAttendees AttendeeGenerator g, @FakeAttendees(count = 300) List<Attendee> l, @FakeAttendees Attendee a) { record("t07", g, l, a); }
        @Test void t08(@FakeAttendees AttendeeGenerator g, @FakeAttendees(count = 300) List<Attendee> l, @FakeAttendees Attendee a) { record("t08", g, l, a); }
        @Test void t09(@FakeAttendees AttendeeGenerator g, @FakeAttendees(count = 300) List<Attendee> l, @FakeAttendees Attendee a) { record("t09", g, l, a); }
        @Test void t10(@FakeAttendees AttendeeGenerator g, @FakeAttendees(count = 300) List<Attendee> l, @FakeAttendees Attendee a) { record("t10", g, l, a); }
        @Test void t11(@FakeAttendees AttendeeGenerator g, @FakeAttendees(count = 300) List<Attendee> l, @FakeAttendees Attendee a) { record("t11", g, l, a); }
        @Test void t12(@FakeAttendees AttendeeGenerator g, @FakeAttendees(count = 300) List<Attendee> l, @FakeAttendees Attendee a) { record("t12", g, l, a); }
    }

    @Test
    @DisplayName("parallel execution gives each test its own attendees, without interference")
    void should_give_each_test_its_own_attendees_in_parallel_execution() {
        String[] parallel = {"junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"};
        run(ParallelTestCase.class, parallel).testEvents().assertStatistics(s -> s.started(12).succeeded(12));

        Set<Object> seeds = new java.util.HashSet<>();
        Set<String> threads = new java.util.HashSet<>();
        for (int i = 1; i <= 12; i++) {
            List<Object> v = seen(String.format("t%02d", i));
            long seed = (Long) v.get(0);
            seeds.add(seed);
            threads.add((String) v.get(3));
            List<Attendee> all = expected(seed, 0, 301);
            assertThat(v.get(1)).as("test %d's list", i).isEqualTo(all.subList(0, 300));
            assertThat(v.get(2)).as("test %d's attendee", i).isEqualTo(all.get(300));
        }
        assertThat(seeds).as("a seed per test").hasSize(12);
        assertThat(threads).as("the tests really ran on several threads").hasSizeGreaterThan(1);

        SEEN.clear();
        String[] pinned = java.util.Arrays.copyOf(parallel, parallel.length + 2);
        pinned[parallel.length] = "attendees.seed";
        pinned[parallel.length + 1] = "77";
        run(ParallelTestCase.class, pinned).testEvents().assertStatistics(s -> s.succeeded(12));
        List<Attendee> expected = expected(77, 0, 300);
        for (int i = 1; i <= 12; i++) {
            List<Object> v = seen(String.format("t%02d", i));
            assertThat(v.get(1)).isEqualTo(expected);
        }
    }

    // ---------------------------------------------------------------- lifecycle methods

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class LifecycleTestCase {
        final List<Object> log = new ArrayList<>();

        @BeforeAll
        void beforeAll(@FakeAttendees(seed = 5, count = 2) List<Attendee> attendees) {
            log.add(attendees);
        }

        @BeforeEach
        void beforeEach(@FakeAttendees(seed = 6) Attendee attendee) {
            log.add(attendee);
        }

        @Test
        void test(@FakeAttendees(seed = 6) Attendee attendee) {
            log.add(attendee);
            SEEN.put("lifecycle", List.copyOf(log));
        }
    }

    @Test
    void should_resolve_parameters_of_lifecycle_methods_and_continue_the_tests_sequence() {
        run(LifecycleTestCase.class).testEvents().assertStatistics(s -> s.succeeded(1));

        List<Object> log = seen("lifecycle");
        assertThat(log.get(0)).isEqualTo(expected(5, 0, 2));
        assertThat(log.get(1)).isEqualTo(expected(6, 0, 1).get(0));
        assertThat(log.get(2)).as("after @BeforeEach took attendee 0").isEqualTo(expected(6, 1, 2).get(0));
        assertThat(((Attendee) log.get(2)).industry()).isInstanceOf(Industry.class);
    }
}
