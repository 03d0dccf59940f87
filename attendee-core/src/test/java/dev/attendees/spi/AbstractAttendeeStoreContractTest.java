package dev.attendees.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.CompanySize;
import dev.attendees.ConfigurationException;
import dev.attendees.Industry;
import dev.attendees.InputException;
import dev.attendees.ProviderException;
import dev.attendees.export.AttendeeFileSink;
import dev.attendees.export.AttendeeFormat;
import dev.attendees.store.AttendeeField;
import dev.attendees.store.AttendeeFilter;
import dev.attendees.store.AttendeePage;
import dev.attendees.store.AttendeeQuery;
import dev.attendees.store.DuplicatePolicy;
import dev.attendees.store.Facet;
import dev.attendees.store.GenerationRun;
import dev.attendees.store.ImportOptions;
import dev.attendees.store.ImportResult;
import dev.attendees.store.QueryHistoryEntry;
import dev.attendees.store.RunInfo;
import dev.attendees.store.RunKind;
import dev.attendees.store.Sort;
import dev.attendees.store.SqlResult;
import dev.attendees.store.TableInfo;
import dev.attendees.store.ValueCount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of {@link AttendeeStore}: every implementation extends this class and passes it,
 * so that all of them give the same answers for the same data. Each answer is checked against the
 * same computation in plain Java over the attendees written.
 *
 * <pre>{@code
 * class SqliteAttendeeStoreTest extends AbstractAttendeeStoreContractTest {
 *     @TempDir Path dir;
 *     @Override protected AttendeeStore openStore() { return SqliteAttendeeStore.open(dir.resolve("a.db")); }
 * }
 * }</pre>
 */
public abstract class AbstractAttendeeStoreContractTest {

    /** A fresh, empty store; called once per test, closed after it. */
    protected abstract AttendeeStore openStore();

    protected AttendeeStore store;

    @TempDir
    protected Path files;

    /** Attendees that fill every column, from a generator with a fixed seed. */
    protected static final AttendeeGenerator GENERATOR = AttendeeGenerator.builder().seed(42).locale("international").build();

    /** Text that breaks naive SQL, CSV and JSON handling. */
    protected static final List<String> HOSTILE = List.of(
            "Robert'); DROP TABLE attendees;--",
            "O'Brien \"the\" Great",
            "semi;colon; inside",
            "Zoë Ñandú 佐藤 Смирнов",
            "emoji 😀🎉 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "tab\tand\nnew line\r\nand back\\slash",
            "100% _like_ [brackets] $1 $$dollar$$",
            "=SUM(A1:A9)",
            "  leading and trailing spaces  ",
            "' OR '1'='1");

    @BeforeEach
    void openTheStore() {
        store = openStore();
    }

    @AfterEach
    void closeTheStore() {
        if (store != null) {
            store.close();
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    protected List<Attendee> all() {
        List<Attendee> out = new ArrayList<>();
        AttendeeQuery q = AttendeeQuery.builder().limit(AttendeeQuery.MAX_LIMIT).build();
        AttendeePage page;
        do {
            page = store.find(q);
            out.addAll(page.items());
            q = q.next();
        } while (page.hasNext());
        return out;
    }

    private List<Long> ids(AttendeeFilter filter) {
        return store.find(AttendeeQuery.builder().filter(filter).limit(AttendeeQuery.MAX_LIMIT).build()).items().stream()
                .map(Attendee::id).toList();
    }

    private static List<Long> ids(List<Attendee> attendees, Predicate<Attendee> p) {
        return attendees.stream().filter(p).map(Attendee::id).toList();
    }

    /** Code-point order, the store's text order. */
    private static final Comparator<String> CODE_POINTS = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private static List<ValueCount> expectedCounts(Stream<String> values, int limit) {
        Map<String, Long> counts = new HashMap<>();
        values.forEach(v -> counts.merge(v, 1L, Long::sum));
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey, Comparator.nullsLast(CODE_POINTS)))
                .limit(limit)
                .map(e -> new ValueCount(e.getKey(), e.getValue()))
                .toList();
    }

    private static Attendee person(long id, String name, String email) {
        return new Attendee(id, name, email, null, "Hostile Days", null, null, null, null, List.of("Kubernetes"),
                List.of(), "", LocalDateTime.parse("2026-01-02T03:04:05"));
    }

    private void write(List<Attendee> attendees) {
        try (AttendeeSink sink = store.sink(new RunInfo(RunKind.GENERATE, "test", null, null, null, null, "{}"))) {
            sink.write(attendees);
            sink.commit();
        }
    }

    protected Path csv(String name, List<Attendee> attendees) {
        return file(name, AttendeeFormat.CSV, attendees);
    }

    protected Path file(String name, AttendeeFormat format, List<Attendee> attendees) {
        Path path = files.resolve(name);
        try (AttendeeFileSink sink = format.open(path)) {
            sink.write(attendees);
            sink.commit();
        }
        return path;
    }

    private long derivedRows(String table) {
        return ((Number) store.readOnlySql("SELECT count(*) FROM " + table, 1, Duration.ofSeconds(10)).rows().get(0).get(0))
                .longValue();
    }

    /** The normalized tables hold exactly the items of the ';'-joined columns of the attendees there. */
    protected void assertDerivedTablesInStep() {
        List<Attendee> all = all();
        assertThat(derivedRows("attendee_interests")).isEqualTo(all.stream().mapToLong(a -> a.productInterests().size()).sum());
        assertThat(derivedRows("booth_visits")).isEqualTo(all.stream().mapToLong(a -> a.boothVisited().size()).sum());
        assertThat(store.countBy(Facet.INTEREST, AttendeeFilter.ALL, 1_000))
                .isEqualTo(expectedCounts(all.stream().flatMap(a -> a.productInterests().stream()), 1_000));
        assertThat(store.countBy(Facet.BOOTH, AttendeeFilter.ALL, 1_000))
                .isEqualTo(expectedCounts(all.stream().flatMap(a -> a.boothVisited().stream()), 1_000));
        SqlResult positions = store.readOnlySql("SELECT attendee_id, interest FROM attendee_interests WHERE position = 0"
                + " ORDER BY attendee_id", 100_000, Duration.ofSeconds(10));
        Map<Long, String> firstInterest = all.stream().filter(a -> !a.productInterests().isEmpty())
                .collect(Collectors.toMap(Attendee::id, a -> a.productInterests().get(0)));
        assertThat(positions.rows()).hasSize(firstInterest.size()).allSatisfy(row ->
                assertThat(row.get(1)).isEqualTo(firstInterest.get(((Number) row.get(0)).longValue())));
        if (!all.isEmpty()) {
            String word = all.get(0).name().split(" ")[0];
            assertThat(ids(AttendeeFilter.builder().text(word).build())).contains(all.get(0).id());
        }
    }

    // ---- writing and reading -----------------------------------------------------------------

    @Test
    void should_read_back_exactly_what_the_generator_wrote() {
        store.generate(GENERATOR, 700);
        assertThat(all()).isEqualTo(GENERATOR.generate(700));
        assertThat(store.get(1)).contains(GENERATOR.attendee(0));
        assertThat(store.get(701)).isEmpty();
        assertThat(store.count(AttendeeFilter.ALL)).isEqualTo(700);
    }

    @Test
    void should_keep_hostile_text_exactly() {
        List<Attendee> hostile = IntStream.range(0, HOSTILE.size()).mapToObj(i -> {
            String text = HOSTILE.get(i);
            return new Attendee(i + 1, text, "hostile" + i + "@example.com", text, text,
                    LocalDateTime.parse("2026-03-04T05:06:07"), text, Industry.RETAIL_AND_E_COMMERCE, CompanySize.SMB,
                    List.of(text.replace(";", ","), "Kubernetes"), List.of(text.replace(";", ",")), text,
                    LocalDateTime.parse("2026-02-03T04:05:06"));
        }).toList();
        write(hostile);
        assertThat(all()).isEqualTo(hostile);
        assertThat(store.count(AttendeeFilter.builder().companies(HOSTILE.get(0)).build())).isEqualTo(1);
        assertThat(store.count(AttendeeFilter.builder().interestsAny(HOSTILE.get(1)).build())).isEqualTo(1);
        assertThat(store.distinctValues(Facet.COMPANY, 100)).containsExactlyElementsOf(
                HOSTILE.stream().sorted(CODE_POINTS).toList());
        assertThat(store.count(AttendeeFilter.builder().text("DROP TABLE attendees").build())).isEqualTo(1);
        assertThat(store.count(AttendeeFilter.builder().text("\"' OR 1=1 -- nowhere").build())).isZero();
        assertDerivedTablesInStep();
    }

    @Test
    void should_keep_hostile_text_exactly_through_an_import() {
        List<Attendee> hostile = IntStream.range(0, HOSTILE.size())
                .mapToObj(i -> person(i + 1, HOSTILE.get(i), "h" + i + "@example.com")).toList();
        store.importFiles(List.of(csv("hostile.csv", hostile)), ImportOptions.DEFAULTS);
        assertThat(all()).isEqualTo(hostile);
    }

    @Test
    void should_discard_everything_when_a_sink_closes_without_commit() {
        try (AttendeeSink sink = store.sink(GENERATOR)) {
            sink.write(GENERATOR.generate(100));
        }
        assertThat(store.count(AttendeeFilter.ALL)).isZero();
        assertThat(store.runs()).isEmpty();
        assertThat(derivedRows("attendee_interests")).isZero();
    }

    @Test
    void should_number_a_second_run_on_and_record_both_runs() {
        store.generate(GENERATOR, 300);
        AttendeeGenerator other = GENERATOR.toBuilder().seed(7).eventType("security").build();
        store.generate(other, 200);
        List<GenerationRun> runs = store.runs();
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0)).satisfies(r -> {
            assertThat(r.kind()).isEqualTo(RunKind.GENERATE);
            assertThat(r.seed()).isEqualTo(42L);
            assertThat(r.dataVersion()).isEqualTo(AttendeeGenerator.DATA_VERSION);
            assertThat(r.eventType()).isEqualTo("cloud-native");
            assertThat(r.options()).contains("\"seed\":42", "\"locales\"");
            assertThat(List.of(r.firstId(), r.lastId(), r.inserted())).containsExactly(1L, 300L, 300L);
        });
        assertThat(List.of(runs.get(1).firstId(), runs.get(1).lastId(), runs.get(1).seed())).containsExactly(301L, 500L, 7L);
        assertThat(store.get(301)).contains(other.attendee(0).withId(301));
        assertThat(ids(AttendeeFilter.builder().runId(runs.get(1).id()).build()))
                .containsExactlyElementsOf(LongStreamOf(301, 500));
    }

    private static List<Long> LongStreamOf(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
    }

    // ---- queries ------------------------------------------------------------------------------

    @Test
    void should_filter_like_the_same_predicate_in_java() {
        store.generate(GENERATOR, 1_500);
        List<Attendee> all = GENERATOR.generate(1_500);
        Attendee probe = all.get(17);
        String interest = probe.productInterests().get(0);
        LocalDateTime from = probe.attendanceTime().minusHours(2);
        LocalDateTime to = probe.attendanceTime().plusHours(1);

        Map<AttendeeFilter, Predicate<Attendee>> cases = new LinkedHashMap<>();
        cases.put(AttendeeFilter.ALL, a -> true);
        cases.put(AttendeeFilter.builder().companies(probe.company(), all.get(3).company()).build(),
                a -> a.company().equals(probe.company()) || a.company().equals(all.get(3).company()));
        cases.put(AttendeeFilter.builder().industries(Industry.HEALTHCARE, Industry.TECHNOLOGY).build(),
                a -> a.industry() == Industry.HEALTHCARE || a.industry() == Industry.TECHNOLOGY);
        cases.put(AttendeeFilter.builder().companySizes(CompanySize.STARTUP).build(), a -> a.companySize() == CompanySize.STARTUP);
        cases.put(AttendeeFilter.builder().jobTitles(probe.jobTitle()).build(), a -> a.jobTitle().equals(probe.jobTitle()));
        cases.put(AttendeeFilter.builder().eventNames(probe.eventName()).build(), a -> true);
        cases.put(AttendeeFilter.builder().interestsAny(interest, "Docker").build(),
                a -> a.productInterests().contains(interest) || a.productInterests().contains("Docker"));
        cases.put(AttendeeFilter.builder().interestsAll("Kubernetes", "Observability").build(),
                a -> a.productInterests().containsAll(List.of("Kubernetes", "Observability")));
        String booth = all.stream().filter(a -> !a.boothVisited().isEmpty()).findFirst().orElseThrow().boothVisited().get(0);
        cases.put(AttendeeFilter.builder().boothsAny(booth).build(), a -> a.boothVisited().contains(booth));
        List<String> twoBooths = all.stream().filter(a -> a.boothVisited().size() >= 2).findFirst().orElseThrow()
                .boothVisited().subList(0, 2);
        cases.put(AttendeeFilter.builder().boothsAll(twoBooths.toArray(String[]::new)).build(),
                a -> a.boothVisited().containsAll(twoBooths));
        cases.put(AttendeeFilter.builder().attendedBetween(from, to).build(),
                a -> !a.attendanceTime().isBefore(from) && a.attendanceTime().isBefore(to));
        cases.put(AttendeeFilter.builder().attendedBetween(from, null).build(), a -> !a.attendanceTime().isBefore(from));
        cases.put(AttendeeFilter.builder().industries(Industry.TECHNOLOGY).companySizes(CompanySize.ENTERPRISE)
                        .interestsAny("Kubernetes").build(),
                a -> a.industry() == Industry.TECHNOLOGY && a.companySize() == CompanySize.ENTERPRISE
                        && a.productInterests().contains("Kubernetes"));
        cases.forEach((filter, predicate) -> {
            List<Long> expected = ids(all, predicate);
            assertThat(ids(filter)).as(filter.toString()).isEqualTo(expected);
            assertThat(store.count(filter)).as(filter.toString()).isEqualTo(expected.size());
        });
    }

    @Test
    void should_filter_by_lists_of_any_length() {
        store.generate(GENERATOR, 300);
        List<Attendee> all = GENERATOR.generate(300);
        // 70,000 values: more than either database takes as bound parameters of one statement.
        List<String> companies = new ArrayList<>(IntStream.range(0, 70_000).mapToObj(i -> "Nobody " + i).toList());
        companies.add(all.get(5).company());
        List<String> interests = new ArrayList<>(IntStream.range(0, 70_000).mapToObj(i -> "Nothing " + i).toList());
        interests.add(all.get(8).productInterests().get(0));
        interests.add(all.get(5).productInterests().get(0));
        AttendeeFilter byCompany = AttendeeFilter.builder().companies(companies.toArray(String[]::new)).build();
        List<String> titles = new ArrayList<>(IntStream.range(0, 70_000).mapToObj(i -> "Nowhere " + i).toList());
        titles.add(all.get(8).jobTitle());
        AttendeeFilter byInterest = AttendeeFilter.builder().interestsAny(interests.toArray(String[]::new))
                .jobTitles(titles.toArray(String[]::new)).build();
        AttendeeFilter byAllInterests = AttendeeFilter.builder().interestsAll(interests.toArray(String[]::new)).build();

        assertThat(ids(byCompany)).isEqualTo(ids(all, a -> a.company().equals(all.get(5).company())));
        assertThat(store.count(byInterest)).isEqualTo(ids(all, a -> a.jobTitle().equals(all.get(8).jobTitle())
                && a.productInterests().stream().anyMatch(interests.subList(70_000, 70_002)::contains)).size()).isPositive();
        assertThat(store.count(byAllInterests)).isZero();
        AttendeeFilter companyAndInterest = AttendeeFilter.builder().companies(companies.toArray(String[]::new))
                .interestsAny(interests.toArray(String[]::new)).build();
        List<Attendee> expected = all.stream().filter(a -> a.company().equals(all.get(5).company())
                        && a.productInterests().stream().anyMatch(interests.subList(70_000, 70_002)::contains))
                .sorted(Comparator.comparing(Attendee::jobTitle, CODE_POINTS).thenComparing(Attendee::id)).toList();
        assertThat(expected).contains(all.get(5));
        assertThat(store.find(AttendeeQuery.builder().filter(companyAndInterest).sort(Sort.asc(AttendeeField.JOB_TITLE)).build())
                .items()).isEqualTo(expected);
        assertThat(store.countBy(Facet.INDUSTRY, byCompany, 5)).isEqualTo(expectedCounts(
                all.stream().filter(a -> a.company().equals(all.get(5).company())).map(a -> a.industry().label()), 5));
        assertThat(store.delete(byCompany)).isEqualTo(ids(all, a -> a.company().equals(all.get(5).company())).size());
        assertDerivedTablesInStep();
    }

    @Test
    void should_find_words_and_word_starts_in_name_company_and_job_title() {
        List<Attendee> people = List.of(
                new Attendee(1, "Ada Lovelace", "ada@analytical.io", "Analytical Engines", "E", null,
                        "Principal Platform Engineer", null, null, List.of("Kubernetes"), List.of(), "", null),
                new Attendee(2, "Grace Hopper", "grace@navy.mil", "US Navy", "E", null, "Rear Admiral", null, null,
                        List.of("Kubernetes"), List.of(), "", null),
                new Attendee(3, "Alan Turing", "alan@bletchley.uk", "Bletchley Park", "E", null, "Cryptanalyst", null,
                        null, List.of("Kubernetes"), List.of(), "", null));
        write(people);
        assertThat(ids(AttendeeFilter.builder().text("engineer").build())).containsExactly(1L);
        assertThat(ids(AttendeeFilter.builder().text("ENGIN").build())).containsExactly(1L);
        assertThat(ids(AttendeeFilter.builder().text("grace navy").build())).containsExactly(2L);
        assertThat(ids(AttendeeFilter.builder().text("grace bletchley").build())).isEmpty();
        assertThat(ids(AttendeeFilter.builder().text("park, alan!").build())).containsExactly(3L);
        assertThat(ids(AttendeeFilter.builder().text("a").build())).containsExactly(1L, 2L, 3L);
    }

    @ParameterizedTest
    @EnumSource(value = Facet.class, names = {"INDUSTRY", "COMPANY_SIZE", "COMPANY", "JOB_TITLE", "EVENT_NAME",
        "INTEREST", "BOOTH", "ATTENDANCE_DAY", "ATTENDANCE_HOUR", "ATTENDANCE_TIME", "ID"})
    void should_count_by_any_facet_like_java(Facet facet) {
        store.generate(GENERATOR, 1_200);
        List<Attendee> all = GENERATOR.generate(1_200);
        Function<Attendee, Stream<String>> values = switch (facet) {
            case INDUSTRY -> a -> Stream.of(a.industry().label());
            case COMPANY_SIZE -> a -> Stream.of(a.companySize().label());
            case COMPANY -> a -> Stream.of(a.company());
            case JOB_TITLE -> a -> Stream.of(a.jobTitle());
            case EVENT_NAME -> a -> Stream.of(a.eventName());
            case INTEREST -> a -> a.productInterests().stream();
            case BOOTH -> a -> a.boothVisited().stream();
            case ATTENDANCE_DAY -> a -> Stream.of(a.attendanceTime().toLocalDate().toString());
            case ATTENDANCE_HOUR -> a -> Stream.of(String.format("%02d", a.attendanceTime().getHour()));
            case ATTENDANCE_TIME -> a -> Stream.of(Attendee.formatTimestamp(a.attendanceTime()));
            case ID -> a -> Stream.of(Long.toString(a.id()));
            default -> throw new IllegalArgumentException(facet.name());
        };
        assertThat(store.countBy(facet, AttendeeFilter.ALL, 25)).isEqualTo(expectedCounts(all.stream().flatMap(values), 25));
        AttendeeFilter startups = AttendeeFilter.builder().companySizes(CompanySize.STARTUP).build();
        assertThat(store.countBy(facet, startups, 10)).isEqualTo(expectedCounts(
                all.stream().filter(a -> a.companySize() == CompanySize.STARTUP).flatMap(values), 10));
        assertThat(store.distinctValues(facet, 5_000)).isEqualTo(
                all.stream().flatMap(values).distinct().sorted(CODE_POINTS).toList());
    }

    @Test
    void should_count_missing_values_as_a_null_group_after_equal_groups() {
        write(List.of(person(1, "A", "a@x.io"), person(2, "B", "b@x.io"),
                GENERATOR.attendee(0).withId(3), GENERATOR.attendee(0).withId(4)));
        List<ValueCount> counts = store.countBy(Facet.COMPANY, AttendeeFilter.ALL, 10);
        assertThat(counts).containsExactly(new ValueCount(GENERATOR.attendee(0).company(), 2), new ValueCount(null, 2));
        assertThat(store.distinctValues(Facet.COMPANY, 10)).containsExactly(GENERATOR.attendee(0).company());
    }

    @Test
    void should_sort_and_page_like_java() {
        store.generate(GENERATOR, 900);
        List<Attendee> all = GENERATOR.generate(900);
        List<Attendee> expected = all.stream().sorted(Comparator.comparing(Attendee::company, CODE_POINTS)
                .thenComparing(Attendee::attendanceTime, Comparator.reverseOrder())
                .thenComparingLong(Attendee::id)).toList();
        AttendeeQuery query = AttendeeQuery.builder().sort(Sort.asc(AttendeeField.COMPANY), Sort.desc(AttendeeField.ATTENDANCE_TIME))
                .page(0, 100).build();
        List<Attendee> paged = new ArrayList<>();
        AttendeePage page;
        int pages = 0;
        do {
            page = store.find(query);
            assertThat(page.total()).isEqualTo(900);
            paged.addAll(page.items());
            query = query.next();
            pages++;
        } while (page.hasNext());
        assertThat(pages).isEqualTo(9);
        assertThat(paged).isEqualTo(expected);
        AttendeePage beyond = store.find(AttendeeQuery.builder().offset(2_000).limit(10).build());
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(900);
    }

    @Test
    void should_page_filtered_sorted_results_like_java() {
        store.generate(GENERATOR, 1_500);
        List<Attendee> all = GENERATOR.generate(1_500);
        Attendee probe = all.get(17);
        String booth = all.stream().filter(a -> !a.boothVisited().isEmpty()).findFirst().orElseThrow().boothVisited().get(0);
        List<String> twoBooths = all.stream().filter(a -> a.boothVisited().size() >= 2).findFirst().orElseThrow()
                .boothVisited().subList(0, 2);
        LocalDateTime from = probe.attendanceTime().minusHours(6);
        Map<AttendeeFilter, Predicate<Attendee>> filters = new LinkedHashMap<>();
        filters.put(AttendeeFilter.builder().industries(Industry.TECHNOLOGY, Industry.FINANCIAL_SERVICES)
                        .companySizes(CompanySize.ENTERPRISE, CompanySize.MID_MARKET).interestsAny("Kubernetes", "Observability").build(),
                a -> (a.industry() == Industry.TECHNOLOGY || a.industry() == Industry.FINANCIAL_SERVICES)
                        && (a.companySize() == CompanySize.ENTERPRISE || a.companySize() == CompanySize.MID_MARKET)
                        && (a.productInterests().contains("Kubernetes") || a.productInterests().contains("Observability")));
        filters.put(AttendeeFilter.builder().interestsAll("Kubernetes", "Observability").build(),
                a -> a.productInterests().containsAll(List.of("Kubernetes", "Observability")));
        filters.put(AttendeeFilter.builder().boothsAny(booth).jobTitles(probe.jobTitle(), all.get(5).jobTitle()).build(),
                a -> a.boothVisited().contains(booth) && (a.jobTitle().equals(probe.jobTitle()) || a.jobTitle().equals(all.get(5).jobTitle())));
        filters.put(AttendeeFilter.builder().boothsAll(twoBooths.toArray(String[]::new)).build(),
                a -> a.boothVisited().containsAll(twoBooths));
        filters.put(AttendeeFilter.builder().attendedBetween(from, null).eventNames(probe.eventName())
                        .runId(store.runs().get(0).id()).build(),
                a -> !a.attendanceTime().isBefore(from));
        filters.put(AttendeeFilter.builder().companies(probe.company(), all.get(3).company()).build(),
                a -> a.company().equals(probe.company()) || a.company().equals(all.get(3).company()));
        List<Sort> sorts = List.of(Sort.desc(AttendeeField.ATTENDANCE_TIME), Sort.desc(AttendeeField.COMPANY),
                Sort.asc(AttendeeField.EMAIL), Sort.desc(AttendeeField.JOB_TITLE), Sort.asc(AttendeeField.COMPANY),
                Sort.desc(AttendeeField.NAME));
        filters.forEach((filter, predicate) -> {
            for (Sort sort : sorts) {
                List<Long> expected = all.stream().filter(predicate).sorted(order(sort).thenComparingLong(Attendee::id))
                        .map(Attendee::id).toList();
                for (long offset : List.of(0L, 7L, Math.max(0, expected.size() - 3L), expected.size() + 5L)) {
                    AttendeePage page = store.find(AttendeeQuery.builder().filter(filter).sort(sort).offset(offset).limit(10).build());
                    assertThat(page.total()).as(filter + " " + sort).isEqualTo(expected.size());
                    assertThat(page.items()).extracting(Attendee::id).as(filter + " " + sort + " from " + offset)
                            .isEqualTo(expected.subList((int) Math.min(offset, expected.size()),
                                    (int) Math.min(offset + 10, expected.size())));
                }
            }
        });
    }

    /** The store's order of one sort key: text by code point, empty values last in both directions. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Attendee> order(Sort sort) {
        Function<Attendee, Comparable> key = switch (sort.field()) {
            case ATTENDANCE_TIME -> Attendee::attendanceTime;
            case COMPANY -> Attendee::company;
            case EMAIL -> Attendee::email;
            case JOB_TITLE -> Attendee::jobTitle;
            case NAME -> Attendee::name;
            default -> throw new IllegalArgumentException(sort.toString());
        };
        Comparator<Comparable> values = (x, y) -> x instanceof String a && y instanceof String b ? CODE_POINTS.compare(a, b)
                : x.compareTo(y);
        return Comparator.comparing(key, Comparator.nullsLast(sort.ascending() ? values : values.reversed()));
    }

    @Test
    void should_sort_missing_values_last_in_both_directions() {
        write(List.of(person(1, "A", "a@x.io"), GENERATOR.attendee(0).withId(2), GENERATOR.attendee(1).withId(3)));
        for (Sort sort : List.of(Sort.asc(AttendeeField.COMPANY), Sort.desc(AttendeeField.COMPANY))) {
            List<Attendee> items = store.find(AttendeeQuery.builder().sort(sort).build()).items();
            assertThat(items.get(2).id()).as(sort.toString()).isEqualTo(1);
        }
    }

    // ---- bulk operations -----------------------------------------------------------------------

    @Test
    void should_delete_by_filter_and_keep_the_normalized_tables_in_step() {
        store.generate(GENERATOR, 1_000);
        AttendeeFilter kubernetes = AttendeeFilter.builder().interestsAny("Kubernetes").build();
        long expected = GENERATOR.generate(1_000).stream().filter(a -> a.productInterests().contains("Kubernetes")).count();
        assertThat(store.delete(kubernetes)).isEqualTo(expected);
        assertThat(store.count(kubernetes)).isZero();
        assertThat(store.count(AttendeeFilter.ALL)).isEqualTo(1_000 - expected);
        assertDerivedTablesInStep();
        assertThat(store.delete(AttendeeFilter.ALL)).isEqualTo(1_000 - expected);
        assertDerivedTablesInStep();
    }

    @Test
    void should_regenerate_a_filtered_set_keeping_ids_and_the_normalized_tables_in_step() {
        store.generate(GENERATOR, 800);
        AttendeeGenerator fresh = GENERATOR.toBuilder().seed(99).eventType("fintech").build();
        AttendeeFilter healthcare = AttendeeFilter.builder().industries(Industry.HEALTHCARE).build();
        List<Long> ids = ids(healthcare);
        assertThat(ids).isNotEmpty();
        assertThat(store.regenerate(healthcare, fresh)).isEqualTo(ids.size());
        for (long id : ids) {
            assertThat(store.get(id)).contains(fresh.attendee(id - 1).withId(id));
        }
        long untouched = java.util.stream.LongStream.rangeClosed(1, 800).filter(id -> !ids.contains(id)).findFirst().orElseThrow();
        assertThat(store.get(untouched)).contains(GENERATOR.attendee(untouched - 1));
        assertThat(store.count(AttendeeFilter.ALL)).isEqualTo(800);
        assertDerivedTablesInStep();
    }

    @Test
    void should_regenerate_more_than_one_chunk_and_keep_every_later_write_in_step() {
        store.generate(GENERATOR, 2_500);
        AttendeeGenerator fresh = GENERATOR.toBuilder().seed(77).build();
        AttendeeFilter notStartups = AttendeeFilter.builder()
                .companySizes(CompanySize.SMB, CompanySize.MID_MARKET, CompanySize.ENTERPRISE).build();
        List<Long> ids = ids(notStartups);
        assertThat(ids).hasSizeGreaterThan(1_500);
        assertThat(store.regenerate(notStartups, fresh)).isEqualTo(ids.size());
        List<Attendee> all = all();
        assertThat(all).hasSize(2_500).allSatisfy(a -> assertThat(a).isEqualTo(
                ids.contains(a.id()) ? fresh.attendee(a.id() - 1).withId(a.id()) : GENERATOR.attendee(a.id() - 1)));
        assertDerivedTablesInStep();
        Attendee renewed = all.stream().filter(a -> ids.contains(a.id())).findFirst().orElseThrow();
        assertThat(ids(AttendeeFilter.builder().text(renewed.name()).build())).contains(renewed.id());

        // The rows' own maintenance is back: a later delete takes their derived rows with them.
        AttendeeFilter healthcare = AttendeeFilter.builder().industries(Industry.HEALTHCARE).build();
        assertThat(store.delete(healthcare)).isEqualTo(all.stream().filter(a -> a.industry() == Industry.HEALTHCARE).count());
        assertDerivedTablesInStep();
    }

    @Test
    void should_delete_by_words_then_everyone_and_fill_again_with_everything_in_step() {
        store.generate(GENERATOR, 1_200);
        List<Attendee> all = GENERATOR.generate(1_200);
        String word = all.get(3).name().split(" ")[0];
        AttendeeFilter byWord = AttendeeFilter.builder().text(word).build();
        List<Long> found = ids(byWord);
        assertThat(found).contains(all.get(3).id());
        assertThat(store.delete(byWord)).isEqualTo(found.size());
        assertThat(ids(byWord)).isEmpty();
        assertThat(store.count(AttendeeFilter.ALL)).isEqualTo(1_200 - found.size());
        assertDerivedTablesInStep();

        assertThat(store.delete(AttendeeFilter.ALL)).isEqualTo(1_200 - found.size());
        assertThat(store.count(AttendeeFilter.ALL)).isZero();
        assertThat(store.countBy(Facet.INTEREST, AttendeeFilter.ALL, 10)).isEmpty();
        assertThat(ids(AttendeeFilter.builder().text(all.get(5).name()).build())).isEmpty();
        assertDerivedTablesInStep();

        store.generate(GENERATOR.toBuilder().seed(8).build(), 300);
        assertThat(store.count(AttendeeFilter.ALL)).isEqualTo(300);
        assertDerivedTablesInStep();
        assertThat(store.delete(AttendeeFilter.builder().industries(Industry.HEALTHCARE).build())).isPositive();
        assertDerivedTablesInStep();
    }

    @Test
    void should_delete_one_run_and_nothing_else() {
        store.generate(GENERATOR, 300);
        store.generate(GENERATOR.toBuilder().seed(5).build(), 200);
        GenerationRun first = store.runs().get(0);
        assertThat(store.deleteRun(first.id())).isEqualTo(300);
        assertThat(store.runs()).hasSize(1);
        assertThat(all()).extracting(Attendee::id).containsExactlyElementsOf(LongStreamOf(301, 500));
        assertDerivedTablesInStep();
        assertThatThrownBy(() -> store.deleteRun(first.id())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("there is no run " + first.id());

        // The last run left: everyone goes, and the store fills again as new.
        assertThat(store.deleteRun(store.runs().get(0).id())).isEqualTo(200);
        assertThat(store.count(AttendeeFilter.ALL)).isZero();
        assertDerivedTablesInStep();
        store.generate(GENERATOR.toBuilder().seed(6).build(), 100);
        assertThat(store.count(AttendeeFilter.ALL)).isEqualTo(100);
        assertDerivedTablesInStep();
    }

    @Test
    void should_never_give_a_new_run_ids_inside_an_earlier_runs_range() {
        store.generate(GENERATOR, 10);
        store.generate(GENERATOR.toBuilder().seed(5).build(), 10);
        GenerationRun second = store.runs().get(1);
        assertThat(store.delete(AttendeeFilter.builder().runId(second.id()).build())).isEqualTo(10);
        store.generate(GENERATOR.toBuilder().seed(6).build(), 5);
        ImportResult imported = store.importFiles(List.of(csv("later.csv", GENERATOR.toBuilder().seed(7).build().generate(3))),
                ImportOptions.DEFAULTS);
        GenerationRun third = store.runs().get(2);

        assertThat(List.of(third.firstId(), third.lastId())).containsExactly(21L, 25L);
        assertThat(List.of(imported.run().firstId(), imported.run().lastId())).containsExactly(26L, 28L);
        assertThat(store.deleteRun(second.id())).isZero();
        assertThat(store.count(AttendeeFilter.builder().runId(third.id()).build())).isEqualTo(5);
        assertDerivedTablesInStep();
    }

    @Test
    void should_refuse_ids_past_the_largest_a_database_holds_instead_of_wrapping_around() {
        Attendee last = GENERATOR.attendee(0).withId(Long.MAX_VALUE);
        store.importFiles(List.of(csv("last.csv", List.of(last))), ImportOptions.DEFAULTS);

        assertThatThrownBy(() -> store.generate(GENERATOR, 3)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no attendee id is left");
        assertThatThrownBy(() -> store.importFiles(List.of(csv("more.csv", GENERATOR.toBuilder().seed(8).build().generate(2))),
                ImportOptions.DEFAULTS)).isInstanceOf(InputException.class).hasMessageContaining("more.csv line 2, field id");
        assertThat(all()).containsExactly(last);
    }

    @Test
    void should_match_nothing_with_a_text_of_no_words() {
        store.generate(GENERATOR, 20);
        assertThat(store.count(AttendeeFilter.builder().text("?!").build())).isZero();
        assertThat(store.delete(AttendeeFilter.builder().text(" ... ").build())).isZero();
        assertThat(store.count(AttendeeFilter.ALL)).isEqualTo(20);
    }

    @Test
    void should_check_a_whole_batch_before_a_sink_takes_any_of_it() {
        List<Attendee> people = GENERATOR.generate(3);
        try (AttendeeSink sink = store.sink(new RunInfo(RunKind.GENERATE, "test", null, null, null, null, "{}"))) {
            sink.write(List.of(people.get(0)));
            assertThatThrownBy(() -> sink.write(List.of(people.get(1), people.get(2).withId(0))))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("at least 1");
            sink.commit();
        }
        assertThat(all()).containsExactly(people.get(0));
        assertDerivedTablesInStep();
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void should_let_writers_take_turns_with_ids_that_never_overlap() throws Exception {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
            for (int seed = 21; seed < 24; seed++) {
                AttendeeGenerator generator = GENERATOR.toBuilder().seed(seed).build();
                runs.add(pool.submit(() -> {
                    start.await();
                    return store.generate(generator, 1_500);
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<GenerationRun> runs = store.runs();
        assertThat(runs).hasSize(3).allSatisfy(r -> assertThat(r.lastId() - r.firstId() + 1).isEqualTo(1_500));
        assertThat(runs.stream().map(r -> r.firstId()).sorted().toList()).containsExactly(1L, 1_501L, 3_001L);
        assertThat(store.count(AttendeeFilter.ALL)).isEqualTo(4_500);
        assertDerivedTablesInStep();
    }

    @Test
    void should_refuse_list_items_and_text_that_the_store_could_not_give_back() {
        Attendee a = GENERATOR.attendee(0);
        Attendee semicolon = new Attendee(1, a.name(), a.email(), a.company(), a.eventName(), a.attendanceTime(), a.jobTitle(),
                a.industry(), a.companySize(), List.of("Kubernetes;Docker"), a.boothVisited(), a.imagePath(), a.createdAt());
        Attendee nul = new Attendee(1, "Ada\u0000Lovelace", a.email(), a.company(), a.eventName(), a.attendanceTime(),
                a.jobTitle(), a.industry(), a.companySize(), a.productInterests(), a.boothVisited(), a.imagePath(), a.createdAt());
        assertThatThrownBy(() -> write(List.of(semicolon))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("product_interests item 'Kubernetes;Docker' holds ';'");
        assertThatThrownBy(() -> write(List.of(nul))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("name holds a NUL character");
        Attendee farFuture = new Attendee(1, a.name(), a.email(), a.company(), a.eventName(),
                LocalDateTime.of(10_000, 1, 14, 9, 56, 2), a.jobTitle(), a.industry(), a.companySize(), a.productInterests(),
                a.boothVisited(), a.imagePath(), a.createdAt());
        assertThatThrownBy(() -> write(List.of(farFuture))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("attendance_time +10000-01-14T09:56:02 is outside the years 1 to 9999");
        assertThat(store.count(AttendeeFilter.ALL)).isZero();
    }

    @Test
    void should_take_any_time_bound_and_any_row_limit_or_timeout() {
        store.generate(GENERATOR, 30);
        assertThat(store.count(AttendeeFilter.builder().attendedBetween(LocalDateTime.MIN, LocalDateTime.MAX).build()))
                .isEqualTo(store.count(AttendeeFilter.builder().attendedBetween(LocalDateTime.parse("1000-01-01T00:00"),
                        LocalDateTime.parse("9999-01-01T00:00")).build()));
        SqlResult all = store.readOnlySql("SELECT id FROM attendees", Integer.MAX_VALUE, Duration.ofDays(30));
        assertThat(all.rows()).hasSize(30);
        assertThat(all.truncated()).isFalse();
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void should_stop_a_query_even_with_a_timeout_shorter_than_a_millisecond() {
        assertThatThrownBy(() -> store.readOnlySql("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"
                + " SELECT count(*) FROM c", 10, Duration.ofNanos(500_000)))
                .isInstanceOf(ProviderException.class).hasMessageContaining("ran longer than");
    }

    // ---- import ------------------------------------------------------------------------------

    @Test
    void should_import_csv_json_and_ndjson_in_one_run_keeping_the_files_ids_in_an_empty_store() {
        List<Attendee> all = GENERATOR.generate(600);
        Path a = csv("a.csv", all.subList(0, 200));
        Path b = file("b.json", AttendeeFormat.JSON, all.subList(200, 400));
        Path c = file("c.data", AttendeeFormat.NDJSON, all.subList(400, 600));
        ImportResult result = store.importFiles(List.of(a, b, c), ImportOptions.DEFAULTS);
        assertThat(List.of(result.read(), result.inserted(), result.skipped(), result.replaced())).containsExactly(600L, 600L, 0L, 0L);
        assertThat(result.run().kind()).isEqualTo(RunKind.IMPORT);
        assertThat(List.of(result.run().firstId(), result.run().lastId())).containsExactly(1L, 600L);
        assertThat(all()).isEqualTo(all);
        assertThat(store.runs()).containsExactly(result.run());
        assertDerivedTablesInStep();
    }

    @Test
    void should_number_imported_rows_after_the_largest_id_of_a_store_that_is_not_empty() {
        store.generate(GENERATOR, 100);
        List<Attendee> more = GENERATOR.toBuilder().seed(3).build().generate(50);
        ImportResult result = store.importFiles(List.of(csv("more.csv", more)), ImportOptions.DEFAULTS);
        assertThat(List.of(result.run().firstId(), result.run().lastId())).containsExactly(101L, 150L);
        assertThat(store.get(101)).contains(more.get(0).withId(101));
        assertDerivedTablesInStep();
    }

    @ParameterizedTest
    @ValueSource(strings = {"first", "middle", "last", "second file"})
    void should_keep_nothing_when_a_row_is_bad(String where) throws IOException {
        store.generate(GENERATOR, 50);
        List<Attendee> rows = GENERATOR.toBuilder().seed(11).build().generate(300);
        Path first = csv("first.csv", rows.subList(0, 200));
        Path second = csv("second.csv", rows.subList(200, 300));
        Path bad = where.equals("second file") ? second : first;
        List<String> lines = new ArrayList<>(Files.readAllLines(bad));
        int line = switch (where) {
            case "first" -> 2;
            case "middle" -> 101;
            case "last" -> lines.size();
            default -> 40;
        };
        lines.set(line - 1, lines.get(line - 1).replaceFirst("@", "(at)"));
        Files.write(bad, lines);
        assertThatThrownBy(() -> store.importFiles(List.of(first, second), ImportOptions.DEFAULTS))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(bad + " line " + line + ", field email: not an e-mail address");
        assertThat(store.count(AttendeeFilter.ALL)).isEqualTo(50);
        assertThat(store.runs()).hasSize(1);
        assertThat(all()).isEqualTo(GENERATOR.generate(50));
        assertDerivedTablesInStep();
    }

    @Test
    void should_reject_rows_outside_the_contracts_lists_naming_file_line_and_field() throws IOException {
        List<Attendee> five = GENERATOR.generate(5);
        Path file = csv("bad.csv", five);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(3, lines.get(3).replace("," + five.get(2).industry().label() + ",", ",Tech,"));
        Files.write(file, lines);
        assertThatThrownBy(() -> store.importFiles(List.of(file), ImportOptions.DEFAULTS))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + " line 4, field industry: 'Tech' is not one of Technology, Cybersecurity");
        assertThat(store.count(AttendeeFilter.ALL)).isZero();
    }

    @Test
    void should_fail_on_a_duplicate_email_by_default_and_keep_nothing() {
        store.generate(GENERATOR, 20);
        Attendee dup = GENERATOR.attendee(4);
        Attendee upper = new Attendee(2, "Someone Else", dup.email().toUpperCase(), null, "E", null, null, null, null,
                List.of("Docker"), List.of(), "", null);
        Path file = csv("dups.csv", List.of(person(1, "New One", "new.one@example.com"), upper));
        assertThatThrownBy(() -> store.importFiles(List.of(file), ImportOptions.DEFAULTS))
                .isInstanceOf(InputException.class)
                .hasMessage(file + " line 3, field email: '" + dup.email() + "' is already in the store (id 5);"
                        + " the duplicate policy skip, replace or rename would import anyway");
        assertThat(store.count(AttendeeFilter.ALL)).isEqualTo(20);
    }

    @Test
    void should_find_duplicates_inside_one_import_too() {
        Path file = csv("self.csv", List.of(person(1, "One", "same@example.com"), person(2, "Two", "other@example.com"),
                person(3, "Three", "SAME@example.com")));
        assertThatThrownBy(() -> store.importFiles(List.of(file), ImportOptions.DEFAULTS))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("line 4, field email: 'same@example.com' is already in this import (id 1)");
        assertThat(store.count(AttendeeFilter.ALL)).isZero();
    }

    @Test
    void should_skip_duplicates_when_asked() {
        store.generate(GENERATOR, 20);
        Path file = csv("dups.csv", List.of(person(1, "New", "new@example.com"), person(2, "Dup", GENERATOR.attendee(2).email()),
                person(3, "Newer", "newer@example.com"), person(4, "Again", "new@example.com")));
        ImportResult r = store.importFiles(List.of(file), ImportOptions.builder().onDuplicate(DuplicatePolicy.SKIP).build());
        assertThat(List.of(r.read(), r.inserted(), r.skipped(), r.replaced())).containsExactly(4L, 2L, 2L, 0L);
        assertThat(store.get(3)).contains(GENERATOR.attendee(2));
        assertThat(store.get(21).map(Attendee::name)).contains("New");
        assertThat(store.get(22).map(Attendee::name)).contains("Newer");
        assertDerivedTablesInStep();
    }

    @Test
    void should_replace_duplicates_keeping_their_ids_when_asked() {
        store.generate(GENERATOR, 20);
        Attendee replacement = new Attendee(2, "Replaced Person", GENERATOR.attendee(2).email(), "New Co", "E",
                LocalDateTime.parse("2026-05-05T10:00:00"), "CTO", Industry.EDUCATION, CompanySize.STARTUP,
                List.of("Docker", "Serverless"), List.of("Booth Z"), "", LocalDateTime.parse("2026-04-01T00:00:00"));
        Path file = csv("dups.csv", List.of(person(1, "New", "new@example.com"), replacement,
                person(2, "New Again", "new@example.com")));
        ImportResult r = store.importFiles(List.of(file), ImportOptions.builder().onDuplicate(DuplicatePolicy.REPLACE).build());
        assertThat(List.of(r.read(), r.inserted(), r.skipped(), r.replaced())).containsExactly(3L, 1L, 0L, 2L);
        assertThat(store.get(3)).contains(replacement.withId(3));
        assertThat(store.get(21).map(Attendee::name)).contains("New Again");
        assertThat(store.count(AttendeeFilter.ALL)).isEqualTo(21);
        assertThat(store.count(AttendeeFilter.builder().text("replaced").build())).isEqualTo(1);
        assertThat(store.count(AttendeeFilter.builder().boothsAny("Booth Z").build())).isEqualTo(1);
        String oldSurname = GENERATOR.attendee(2).name().substring(GENERATOR.attendee(2).name().lastIndexOf(' ') + 1);
        assertThat(ids(AttendeeFilter.builder().text(oldSurname).build())).doesNotContain(3L);
        assertDerivedTablesInStep();
    }

    // ---- e-mail addresses stay unique across runs -------------------------------------------

    @Test
    void should_give_a_run_the_next_free_address_of_its_family_where_the_store_holds_one() {
        store.generate(GENERATOR, 400);
        store.generate(GENERATOR, 400); // the same people again: every address is held
        List<Attendee> all = all();
        assertThat(all).hasSize(800);
        assertThat(all.stream().map(Attendee::email).distinct().count()).isEqualTo(800);
        assertThat(store.runs().stream().map(GenerationRun::renamed).toList()).containsExactly(0L, 400L);
        for (int i = 0; i < 400; i++) {
            Attendee original = all.get(i);
            Attendee again = all.get(400 + i);
            // Only the name and the address differ, and the address stays in its family: the same
            // domain, a middle initial that the name shows too where the address spells the name.
            assertThat(new Attendee(original.id(), original.name(), original.email(), again.company(), again.eventName(),
                    again.attendanceTime(), again.jobTitle(), again.industry(), again.companySize(), again.productInterests(),
                    again.boothVisited(), again.imagePath(), again.createdAt())).isEqualTo(original);
            assertThat(domain(again.email())).isEqualTo(domain(original.email()));
            if (!again.name().equals(original.name())) {
                assertThat(again.name()).matches(".+ [A-Z]\\. .+");
            }
        }
    }

    @Test
    void should_write_the_same_moved_addresses_to_a_file_written_beside_the_store() {
        store.generate(GENERATOR, 300);
        Path csv = files.resolve("beside.csv");
        try (AttendeeSink both = AttendeeSink.allOf(store.sink(GENERATOR), AttendeeFormat.CSV.open(csv))) {
            GENERATOR.writeTo(both, 300);
        }
        List<Attendee> stored = all().subList(300, 600);
        List<Attendee> written;
        try (var reader = AttendeeFormat.read(csv)) {
            written = new ArrayList<>();
            reader.forEachRemaining(written::add);
        }
        assertThat(written.stream().map(Attendee::email).toList())
                .containsExactlyElementsOf(stored.stream().map(Attendee::email).toList())
                .doesNotContainAnyElementsOf(GENERATOR.generate(300).stream().map(Attendee::email).toList());
        assertThat(written.stream().map(Attendee::name).toList()).containsExactlyElementsOf(stored.stream().map(Attendee::name).toList());
    }

    @Test
    void should_import_a_held_address_under_the_next_free_one_when_asked() {
        store.generate(GENERATOR, 20);
        Attendee held = GENERATOR.attendee(2);
        Path file = csv("rename.csv", List.of(person(1, "Ann Example", "ann.example@example.com"),
                person(2, "Bo Held", held.email()), person(3, "Ann Example", "ANN.EXAMPLE@example.com")));
        ImportResult r = store.importFiles(List.of(file), ImportOptions.builder().onDuplicate(DuplicatePolicy.RENAME).build());
        assertThat(List.of(r.read(), r.inserted(), r.skipped(), r.replaced(), r.renamed())).containsExactly(3L, 3L, 0L, 0L, 2L);
        assertThat(store.runs().get(1).renamed()).isEqualTo(2);
        List<Attendee> all = all();
        assertThat(all.stream().map(Attendee::email).distinct().count()).isEqualTo(23);
        assertThat(store.get(3)).contains(held);
        assertThat(store.get(21).map(Attendee::email)).contains("ann.example@example.com");
        Attendee again = store.get(23).orElseThrow();
        assertThat(again.email()).matches("ann\\.[a-z]\\.example@example\\.com");
        assertThat(again.name()).isEqualTo("Ann " + Character.toUpperCase(again.email().charAt(4)) + ". Example");
        assertThat(domain(store.get(22).orElseThrow().email())).isEqualTo(domain(held.email()));
        assertDerivedTablesInStep();
    }

    @Test
    void should_keep_addresses_unique_when_regenerating_into_other_attendees_addresses() {
        AttendeeGenerator other = GENERATOR.toBuilder().seed(7).build();
        store.generate(GENERATOR, 300);
        store.generate(other, 300);
        // Ids 1..300 regenerated by the generator of ids 301..600: every address is held by the other half.
        long firstRun = store.runs().get(0).id();
        assertThat(store.regenerate(AttendeeFilter.builder().runId(firstRun).build(), other)).isEqualTo(300);
        List<Attendee> all = all();
        assertThat(all.stream().map(Attendee::email).distinct().count()).isEqualTo(600);
        for (int i = 0; i < 300; i++) {
            Attendee renewed = all.get(i);
            Attendee model = other.attendee(i);
            assertThat(renewed.email()).isNotEqualTo(model.email());
            assertThat(domain(renewed.email())).isEqualTo(domain(model.email()));
            assertThat(renewed.jobTitle()).isEqualTo(model.jobTitle());
        }
        assertThat(all.subList(300, 600)).isEqualTo(other.generate(300).stream().map(a -> a.withId(a.id() + 300)).toList());
        assertDerivedTablesInStep();
    }

    private static String domain(String email) {
        return email.substring(email.indexOf('@') + 1);
    }

    @Test
    void should_give_rows_without_created_at_the_import_time() {
        Attendee noTime = new Attendee(1, "No Time", "no.time@example.com", null, "E", null, null, null, null,
                List.of("Docker"), List.of(), "", null);
        LocalDateTime before = LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0);
        store.importFiles(List.of(csv("t.csv", List.of(noTime))), ImportOptions.DEFAULTS);
        LocalDateTime createdAt = store.get(1).orElseThrow().createdAt();
        assertThat(createdAt).isBetween(before, LocalDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(1));
    }

    // ---- query history ---------------------------------------------------------------------------

    @Test
    void should_record_query_history_newest_first_and_star_favourites() {
        QueryHistoryEntry a = store.recordQuery("How many people like Docker?", "SELECT count(*) FROM attendee_interests", "rules", 1);
        QueryHistoryEntry b = store.recordQuery("Top industries", "SELECT industry, count(*) FROM attendees GROUP BY 1", "openai", 15);
        assertThat(store.queryHistory(10)).containsExactly(b, a);
        assertThat(store.queryHistory(1)).containsExactly(b);
        assertThat(store.favourites()).isEmpty();
        assertThat(store.star(a.id(), true)).isTrue();
        assertThat(store.star(12345, true)).isFalse();
        assertThat(store.favourites()).extracting(QueryHistoryEntry::id, QueryHistoryEntry::starred)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a.id(), true));
        assertThat(store.queryHistory(10).get(1).askedAt()).isEqualTo(a.askedAt());
    }

    // ---- read-only SQL ---------------------------------------------------------------------------

    @Test
    void should_answer_read_only_sql_with_plain_values_and_a_row_limit() {
        store.generate(GENERATOR, 300);
        SqlResult r = store.readOnlySql("SELECT industry, count(*) AS n FROM attendees GROUP BY industry ORDER BY n DESC, industry",
                3, Duration.ofSeconds(10));
        List<ValueCount> expected = expectedCounts(GENERATOR.generate(300).stream().map(a -> a.industry().label()), 4);
        assertThat(r.columns()).containsExactly("industry", "n");
        assertThat(r.rows()).hasSize(3).first().isEqualTo(List.of(expected.get(0).value(), expected.get(0).count()));
        assertThat(r.truncated()).isTrue();
        SqlResult one = store.readOnlySql("  -- a comment; with a semicolon\n SELECT name, attendance_time FROM attendees"
                + " WHERE id = 1;  ", 10, Duration.ofSeconds(10));
        assertThat(one.rows()).containsExactly(List.of(GENERATOR.attendee(0).name(),
                Attendee.formatTimestamp(GENERATOR.attendee(0).attendanceTime())));
        assertThat(one.truncated()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE FROM attendees", "DROP TABLE attendees", "SELECT 1; DELETE FROM attendees",
        "UPDATE attendees SET name = 'x'", "PRAGMA query_only = 0", "", "SELECT 'unterminated"})
    void should_refuse_anything_but_one_select(String sql) {
        store.generate(GENERATOR, 10);
        assertThatThrownBy(() -> store.readOnlySql(sql, 10, Duration.ofSeconds(5))).isInstanceOf(ConfigurationException.class);
        assertThat(store.count(AttendeeFilter.ALL)).isEqualTo(10);
    }

    /**
     * Quoting that one database's lexer reads differently from another's must not hide a second
     * statement: a {@code COMMIT} in it would end the read-only transaction on PostgreSQL.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 1 AS a$x$; COMMIT; DELETE FROM attendees WHERE id > 5; SELECT 1 AS b$x$",
        "SELECT E'\\''; COMMIT; DELETE FROM attendees WHERE id > 3; SELECT '--'",
        "SELECT 1 AS [']; COMMIT; DELETE FROM attendees; SELECT 1 AS [']",
        "SELECT 1 AS `'`; COMMIT; DELETE FROM attendees; SELECT 1 AS `'`",
        "SELECT 1 /* /* */ ; COMMIT; DELETE FROM attendees; /* */"})
    void should_not_let_quoting_hide_a_second_statement(String sql) {
        store.generate(GENERATOR, 10);
        List<Attendee> before = store.find(AttendeeQuery.builder().limit(10).build()).items();
        assertThatThrownBy(() -> store.readOnlySql(sql, 10, Duration.ofSeconds(5)))
                .isInstanceOfAny(ConfigurationException.class, ProviderException.class);
        assertThat(store.find(AttendeeQuery.builder().limit(10).build()).items()).isEqualTo(before);
    }

    @Test
    void should_not_write_through_read_only_sql_even_when_the_statement_starts_with_with() {
        store.generate(GENERATOR, 10);
        assertThatThrownBy(() -> store.readOnlySql("WITH doomed AS (SELECT id FROM attendees) DELETE FROM attendees"
                + " WHERE id IN (SELECT id FROM doomed)", 10, Duration.ofSeconds(5)))
                .isInstanceOfAny(ConfigurationException.class, ProviderException.class);
        assertThat(store.count(AttendeeFilter.ALL)).isEqualTo(10);
    }

    @Test
    void should_stop_a_query_that_runs_too_long() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> store.readOnlySql("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"
                + " SELECT count(*) FROM c", 10, Duration.ofMillis(300)))
                .isInstanceOf(ProviderException.class).hasMessageContaining("ran longer than 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void should_list_the_schema_with_the_contract_table_column_for_column() {
        List<TableInfo> schema = store.schema();
        assertThat(schema).extracting(TableInfo::name)
                .containsExactly("attendees", "attendee_interests", "booth_visits", "generation_runs", "query_history");
        TableInfo attendees = schema.get(0);
        assertThat(attendees.columns()).extracting(TableInfo.ColumnInfo::name).containsExactlyElementsOf(Attendee.COLUMNS);
        assertThat(attendees.columns().stream().filter(c -> !c.nullable()).map(TableInfo.ColumnInfo::name))
                .containsExactly("id", "name", "email", "event_name");
    }

    @Test
    void should_list_distinct_values_of_any_schema_column_and_refuse_unknown_names() {
        store.generate(GENERATOR, 200);
        assertThat(store.distinctValues("attendees", "company_size", 10))
                .isEqualTo(GENERATOR.generate(200).stream().map(a -> a.companySize().label()).distinct().sorted().toList());
        assertThat(store.distinctValues("attendee_interests", "interest", 3)).hasSize(3);
        assertThat(store.distinctValues("generation_runs", "seed", 3)).containsExactly("42");
        assertThatThrownBy(() -> store.distinctValues("attendees; DROP TABLE attendees", "name", 3))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unknown table");
        assertThatThrownBy(() -> store.distinctValues("attendees", "password", 3))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unknown column 'password'");
    }

    @Test
    void should_say_which_dialect_and_where() {
        assertThat(store.dialect()).isIn("sqlite", "postgresql");
        assertThat(store.location()).isNotBlank();
        assertThat(Objects.requireNonNull(store.location())).doesNotContain(":secret@");
    }
}
