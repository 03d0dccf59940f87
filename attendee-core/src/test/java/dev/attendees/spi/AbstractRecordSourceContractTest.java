package dev.attendees.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.ConfigurationException;
import dev.attendees.GenerationOptions;
import dev.attendees.GenerationSummary;
import dev.attendees.export.AttendeeFileSink;
import dev.attendees.export.AttendeeFormat;
import dev.attendees.plan.EmailKinds;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What every {@link RecordSource} promises, for sources' own tests to extend: exactly the requested
 * count with ids {@code from + 1 .. to} in order, whatever range is asked for first; nothing for an
 * empty range and a {@link ConfigurationException} for a range that is not one; records valid per the
 * data contract and the run's options (event, days and hours, catalogue, booths, reserved domains),
 * with unique e-mail addresses and one industry, size and domain per company across calls; for a
 * {@linkplain RecordSource#pure() pure} source, the same attendees for the same options whichever
 * way the range is cut, in parallel too, and other attendees for another seed; a name, a report whose
 * origins count every record, a close that may be repeated and leaves none of the source's threads
 * running; and a generator that writes exactly the count through the source.
 *
 * <pre>{@code
 * class OfflineEngineContractTest extends AbstractRecordSourceContractTest {
 *     @Override
 *     protected RecordSourceFactory factory() {
 *         return RecordSourceFactory.offline();
 *     }
 * }
 * }</pre>
 */
public abstract class AbstractRecordSourceContractTest {

    /** The seed of {@link #options()}. */
    protected static final long SEED = 2026;

    /** Addresses the data contract allows: lower case, a local part, {@code @}, a domain with a dot. */
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9._%+-]+@[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?\\.[a-z]{2,}");

    /** How long a source's threads may take to end after {@link RecordSource#close()}. */
    private static final Duration THREADS_END_WITHIN = Duration.ofSeconds(10);

    @TempDir
    protected Path files;

    private final List<RecordSource> opened = new ArrayList<>();

    /** Makes the sources under test; each test closes the ones it made. */
    protected abstract RecordSourceFactory factory();

    /**
     * The options of most tests: an event of the default type with a fixed seed. A source whose
     * backing service needs something more (a fake server's address) sets it in its factory.
     */
    protected AttendeeGenerator.Builder options() {
        return AttendeeGenerator.builder().event("KubeCon Europe 2026").seed(SEED);
    }

    /**
     * Options that narrow everything a record can hold: another event type and name, two chosen
     * days with short hours, three interests, two booths, a mix of locales and reserved domains.
     */
    protected AttendeeGenerator.Builder narrowOptions() {
        return AttendeeGenerator.builder().event("Contract Security Summit 2026").eventType("security").seed(SEED + 1)
                .dates(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 15))
                .dailyHours(LocalTime.of(10, 0), LocalTime.of(14, 30))
                .locale("international")
                .undeliverableEmails(true);
    }

    /** A source for {@code builder}'s options, closed after the test. */
    protected RecordSource open(AttendeeGenerator.Builder builder) {
        return open(builder.build().options());
    }

    /** A source for {@code options}, closed after the test. */
    protected RecordSource open(GenerationOptions options) {
        RecordSource source = factory().create(options);
        assertThat(source).as("the factory's source").isNotNull();
        opened.add(source);
        return source;
    }

    @AfterEach
    void closeTheSources() {
        opened.forEach(RecordSource::close);
    }

    // ---- count and ids -----------------------------------------------------------------------

    @Test
    void should_give_exactly_the_requested_count_with_ids_in_order_call_after_call() {
        RecordSource source = open(options());

        List<Attendee> first = source.generate(0, 45);
        List<Attendee> second = source.generate(45, 60);
        List<Attendee> third = source.generate(60, 61);

        assertThat(first).extracting(Attendee::id).containsExactlyElementsOf(ids(1, 45));
        assertThat(second).extracting(Attendee::id).containsExactlyElementsOf(ids(46, 60));
        assertThat(third).extracting(Attendee::id).containsExactly(61L);
    }

    @Test
    void should_number_a_range_that_does_not_start_at_zero_from_its_start() {
        RecordSource source = open(options());

        List<Attendee> attendees = source.generate(1_000, 1_025);

        assertThat(attendees).extracting(Attendee::id).containsExactlyElementsOf(ids(1_001, 1_025));
        assertValid(attendees, source, optionsOf(options()));
    }

    @Test
    void should_give_nothing_for_an_empty_range() {
        RecordSource source = open(options());

        assertThat(source.generate(0, 0)).isEmpty();
        assertThat(source.generate(30, 30)).isEmpty();
    }

    @ParameterizedTest(name = "[{0}, {1})")
    @CsvSource({"-1, 5", "5, 4", "-10, -2", "0, -1"})
    void should_refuse_a_range_that_is_not_one(long from, long to) {
        RecordSource source = open(options());

        assertThatThrownBy(() -> source.generate(from, to)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(String.valueOf(from)).hasMessageContaining(String.valueOf(to));
    }

    // ---- valid records -----------------------------------------------------------------------

    @Test
    void should_give_records_valid_per_the_data_contract() {
        RecordSource source = open(options());

        List<Attendee> attendees = source.generate(0, 300);

        assertValid(attendees, source, optionsOf(options()));
    }

    @Test
    void should_keep_every_record_inside_narrow_options() {
        AttendeeGenerator.Builder narrow = narrowOptions();
        GenerationOptions o = optionsOf(narrow);
        List<String> interests = o.profile().interestNames().subList(0, 3);
        List<String> booths = o.booths().subList(0, 2);
        narrow.interests(interests).booths(booths);
        RecordSource source = open(narrow);

        List<Attendee> attendees = source.generate(0, 200);

        GenerationOptions narrowed = optionsOf(narrow);
        assertThat(narrowed.interests()).containsExactlyElementsOf(interests);
        assertValid(attendees, source, narrowed);
        assertThat(attendees).allSatisfy(a -> assertThat(a.email()).satisfiesAnyOf(
                e -> assertThat(e).endsWith(".test"), e -> assertThat(e).endsWith("@example.com")));
    }

    @Test
    void should_keep_addresses_unique_and_companies_consistent_across_calls() {
        RecordSource source = open(options());

        List<Attendee> all = new ArrayList<>();
        for (long from = 0; from < 240; from += 60) {
            all.addAll(source.generate(from, from + 60));
        }

        assertThat(all).extracting(Attendee::id).containsExactlyElementsOf(ids(1, 240));
        assertValid(all, source, optionsOf(options()));
    }

    // ---- purity ----------------------------------------------------------------------------------

    @Test
    void a_pure_source_should_give_the_same_attendees_again_and_from_another_source_of_the_same_options() {
        RecordSource source = open(options());
        assumeTrue(source.pure(), "only a pure source promises the same attendees again");

        List<Attendee> first = source.generate(0, 500);

        assertThat(source.generate(0, 500)).isEqualTo(first);
        assertThat(open(options()).generate(0, 500)).isEqualTo(first);
    }

    @Test
    void a_pure_source_should_give_any_slice_as_that_range_of_the_whole() {
        RecordSource source = open(options());
        assumeTrue(source.pure(), "only a pure source promises slices equal to the whole");

        List<Attendee> whole = source.generate(0, 9_000);

        RecordSource fresh = open(options());
        assertThat(fresh.generate(8_000, 8_500)).isEqualTo(whole.subList(8_000, 8_500));
        assertThat(fresh.generate(4_095, 4_097)).isEqualTo(whole.subList(4_095, 4_097));
        assertThat(fresh.generate(17, 18)).isEqualTo(whole.subList(17, 18));
        List<Attendee> oneByOne = new ArrayList<>();
        for (long i = 300; i < 340; i++) {
            oneByOne.addAll(fresh.generate(i, i + 1));
        }
        assertThat(oneByOne).isEqualTo(whole.subList(300, 340));
    }

    @Test
    void a_pure_source_should_give_the_same_attendees_made_in_parallel() throws Exception {
        RecordSource source = open(options());
        assumeTrue(source.pure(), "only a pure source may be called from several threads");
        List<Attendee> whole = open(options()).generate(0, 8_000);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Attendee>>> slices = new ArrayList<>();
            for (long from = 7_000; from >= 0; from -= 1_000) {
                long start = from;
                slices.add(pool.submit(() -> source.generate(start, start + 1_000)));
            }
            List<Attendee> assembled = new ArrayList<>();
            for (int i = slices.size() - 1; i >= 0; i--) {
                assembled.addAll(slices.get(i).get());
            }

            assertThat(assembled).isEqualTo(whole);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_pure_source_should_give_other_attendees_for_another_seed() {
        RecordSource source = open(options());
        assumeTrue(source.pure(), "only a pure source is decided by its seed");

        List<Attendee> one = source.generate(0, 200);
        List<Attendee> other = open(options().seed(SEED + 99)).generate(0, 200);

        Set<String> emails = one.stream().map(Attendee::email).collect(Collectors.toSet());
        long shared = other.stream().map(Attendee::email).filter(emails::contains).count();
        // A famous few (a company's chief officer) may attend under both seeds; most may not.
        assertThat(shared).as("addresses the two seeds share").isLessThan(20);
    }

    // ---- name, report, close ------------------------------------------------------------------

    @Test
    void should_name_itself_and_report_every_record_it_gave_by_origin() {
        RecordSource source = open(options());
        assertThat(source.name()).isNotBlank().doesNotContainAnyWhitespaces();

        source.generate(0, 70);
        source.generate(70, 100);

        ProviderReport report = source.report();
        assertThat(report).isNotNull();
        assertThat(report.notes()).allSatisfy(note -> assertThat(note).isNotBlank().doesNotContain("\n"));
        if (!report.origins().isEmpty()) {
            assertThat(report.origins().values().stream().mapToLong(Long::longValue).sum())
                    .as("records by origin %s", report.origins()).isEqualTo(100);
        }
    }

    @Test
    void should_close_more_than_once_and_leave_none_of_its_threads_running() throws InterruptedException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        RecordSource source = factory().create(optionsOf(options()));
        source.generate(0, 50);

        source.close();
        source.close();

        long deadline = System.nanoTime() + THREADS_END_WITHIN.toNanos();
        List<String> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive() && t.getName().startsWith("attendees"))
                    .map(Thread::getName).sorted().toList();
            if (!left.isEmpty()) {
                Thread.sleep(50);
            }
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        assertThat(left).as("the project's threads still running %s after close", THREADS_END_WITHIN).isEmpty();
    }

    // ---- through the generator ------------------------------------------------------------------

    @Test
    void a_generator_should_write_exactly_the_count_through_the_source_and_say_so() {
        AttendeeGenerator generator = options().source(factory()).build();
        Path csv = files.resolve("through-the-generator.csv");
        GenerationSummary summary;
        try (RecordSource source = generator.source(); AttendeeFileSink sink = AttendeeFormat.CSV.open(csv)) {
            summary = generator.writeTo(sink, 130);
            assertThat(summary.source()).isEqualTo(source.name());
        }

        List<Attendee> written = AttendeeFormat.readAll(csv);
        assertThat(summary.count()).isEqualTo(130);
        assertThat(written).extracting(Attendee::id).containsExactlyElementsOf(ids(1, 130));
        assertValid(written, generator.source(), generator.options());
        if (!summary.recordOrigins().isEmpty()) {
            assertThat(summary.recordOrigins().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(130);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** The options {@code builder} resolves to. */
    protected static GenerationOptions optionsOf(AttendeeGenerator.Builder builder) {
        return builder.build().options();
    }

    /** The ids {@code first..last}. */
    protected static List<Long> ids(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    /**
     * What every record of a source's run must be: the data contract's formats, inside the run's
     * options, every column a generated attendee fills filled, unique addresses, and a company with
     * one industry, one size and one domain wherever it appears.
     */
    protected static void assertValid(List<Attendee> attendees, RecordSource source, GenerationOptions o) {
        Set<String> emails = new HashSet<>();
        Map<String, String> facts = new HashMap<>();
        Map<String, String> domains = new HashMap<>();
        for (Attendee a : attendees) {
            String who = "attendee " + a.id() + " of " + source.name();
            assertThat(a.id()).as(who).isPositive();
            assertThat(a.name()).as(who).isNotBlank().isEqualTo(a.name().strip()).contains(" ");
            assertThat(a.email()).as(who).matches(EMAIL);
            assertThat(emails.add(a.email())).as("%s: address %s given twice", who, a.email()).isTrue();
            assertThat(a.company()).as(who).isNotBlank();
            assertThat(a.jobTitle()).as(who).isNotBlank();
            assertThat(a.eventName()).as(who).isEqualTo(o.eventName());
            assertThat(a.industry()).as(who).isNotNull();
            assertThat(a.companySize()).as(who).isNotNull();
            assertThat(a.productInterests()).as(who).isNotEmpty().doesNotHaveDuplicates().isSubsetOf(o.interests());
            assertThat(a.boothVisited()).as(who).doesNotHaveDuplicates().isSubsetOf(o.booths());
            assertThat(a.imagePath()).as("%s: images are the generator's, not the source's", who).isEmpty();
            assertThat(a.attendanceTime()).as(who).isNotNull();
            assertThat(a.attendanceTime().getNano()).as(who + ": whole seconds").isZero();
            assertThat(a.attendanceTime().toLocalDate()).as(who).isBetween(o.from(), o.to());
            assertThat(a.attendanceTime().toLocalTime()).as(who).isBetween(o.dailyOpen(), o.dailyClose());
            assertThat(a.createdAt()).as(who).isNotNull();
            assertThat(a.createdAt().getNano()).as(who + ": whole seconds").isZero();
            assertThat(a.createdAt()).as("%s registers before the event's first day", who).isBefore(o.from().atStartOfDay());
            String fact = a.industry() + " | " + a.companySize();
            String known = facts.putIfAbsent(a.company(), fact);
            assertThat(known == null || known.equals(fact))
                    .as("%s: company %s is %s here and %s before", who, a.company(), fact, known).isTrue();
            String domain = a.email().substring(a.email().indexOf('@') + 1).toLowerCase(Locale.ROOT);
            if (EmailKinds.of(domain).equals(EmailKinds.CORPORATE)) {
                String before = domains.putIfAbsent(a.company(), domain);
                assertThat(before == null || before.equals(domain))
                        .as("%s: company %s has the domains %s and %s", who, a.company(), before, domain).isTrue();
            }
        }
    }
}
