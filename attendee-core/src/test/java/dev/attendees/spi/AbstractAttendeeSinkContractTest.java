package dev.attendees.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.CompanySize;
import dev.attendees.ConfigurationException;
import dev.attendees.GenerationSummary;
import dev.attendees.Industry;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link AttendeeSink} promises, for sinks' own tests to extend. Each test writes into
 * one destination of its own (a file, a fresh database), through one sink or several in turn:
 * <ul>
 *   <li>batches, of any size and empty ones too, are written in order, and nothing is visible
 *       until {@link AttendeeSink#commit()}; a commit without writes is an empty run;
 *   <li>closing without a commit keeps nothing of the sink, and leaves an earlier commit as it was,
 *       also when the run fails half-way; close may be repeated; after commit or close the sink
 *       refuses writes and commits with an {@link IllegalStateException};
 *   <li>a later commit either replaces what an earlier one left (a file) or adds to it, numbered on
 *       from the largest id there (a store), as {@link #keepsEarlierCommits()} says;
 *   <li>{@link AttendeeSink#admit} returns the batch (the same list when the sink keeps addresses as
 *       they come), or, for a sink that {@linkplain #keepsEmailsUnique() keeps addresses unique},
 *       copies of the attendees whose address its destination or its run holds already with the next
 *       free address of the same family; {@code write} does not admit again what {@code admit}
 *       returned; and a destination that counts renamed attendees counts them;
 *   <li>text that breaks naive CSV, JSON or SQL comes back exactly; an attendee a sink could not give
 *       back as written is refused, its whole batch with it, with a {@link ConfigurationException},
 *       and the sink stays usable;
 *   <li>a generator writes a large run (several threads, encoded in parallel for an
 *       {@link EncodingAttendeeSink}) and its summary counts every attendee.
 * </ul>
 *
 * <pre>{@code
 * class CsvFileSinkTest extends AbstractAttendeeSinkContractTest {
 *     private Path file() { return files.resolve("out.csv"); }
 *     @Override protected AttendeeSink openSink() { return AttendeeFormat.CSV.open(file()); }
 *     @Override protected List<Attendee> committed() {
 *         return Files.exists(file()) ? AttendeeFormat.readAll(file()) : List.of();
 *     }
 *     @Override protected boolean keepsEarlierCommits() { return false; }
 *     @Override protected boolean keepsEmailsUnique() { return false; }
 * }
 * }</pre>
 */
public abstract class AbstractAttendeeSinkContractTest {

    /** Attendees that fill every column, from a generator with a fixed seed. */
    protected static final AttendeeGenerator GENERATOR = AttendeeGenerator.builder().seed(42).locale("international").build();

    /** Other attendees, of another seed and event type. */
    protected static final AttendeeGenerator OTHER = GENERATOR.toBuilder().seed(7).eventType("security").build();

    /** A folder of this test's own, for destinations that are files. */
    @TempDir
    protected Path files;

    /** A new sink onto this test's destination; each test opens one or more in turn and closes them. */
    protected abstract AttendeeSink openSink();

    /** What this test's destination shows now, in order; empty when nothing was committed. */
    protected abstract List<Attendee> committed();

    /**
     * Whether a commit adds to what earlier commits left (a store: numbered on from the largest id
     * there) rather than replacing it (a file).
     */
    protected abstract boolean keepsEarlierCommits();

    /**
     * Whether the sink keeps e-mail addresses unique in its destination, giving an attendee whose
     * address is held already the next free one of its family ({@link dev.attendees.store.UniqueEmails}),
     * or writes addresses as they come.
     */
    protected abstract boolean keepsEmailsUnique();

    /** How many attendees the last commit gave another address, where the destination counts them (a store's run). */
    protected OptionalLong renamedByLastCommit() {
        return OptionalLong.empty();
    }

    /**
     * Checks that the sinks of this test left nothing behind but what they committed (temporary files,
     * a run recorded without its attendees ...); called after commits and after failures.
     */
    protected void assertNothingLeftBehind() {}

    // ---- commit makes visible ------------------------------------------------------------------

    @Test
    void should_show_nothing_before_commit_and_every_batch_in_order_after() {
        List<Attendee> attendees = GENERATOR.generate(700);
        try (AttendeeSink sink = openSink()) {
            sink.write(attendees.subList(0, 1));
            sink.write(attendees.subList(1, 1));
            sink.write(attendees.subList(1, 18));
            sink.write(attendees.subList(18, 500));
            sink.write(List.of());
            sink.write(attendees.subList(500, 700));

            assertThat(committed()).as("visible before commit").isEmpty();
            sink.commit();
        }

        assertThat(committed()).isEqualTo(attendees);
        assertNothingLeftBehind();
    }

    @Test
    void should_commit_a_run_without_attendees() {
        try (AttendeeSink sink = openSink()) {
            sink.commit();
        }

        assertThat(committed()).isEmpty();
    }

    // ---- nothing partial ------------------------------------------------------------------------

    @Test
    void should_keep_nothing_when_closed_without_commit() {
        try (AttendeeSink sink = openSink()) {
            sink.write(GENERATOR.generate(300));
        }

        assertThat(committed()).isEmpty();
        assertNothingLeftBehind();
    }

    @Test
    void should_keep_an_earlier_commit_as_it_was_when_a_later_sink_is_closed_without_commit() {
        List<Attendee> earlier = write(GENERATOR.generate(100));

        try (AttendeeSink sink = openSink()) {
            sink.write(OTHER.generate(50));
        }

        assertThat(committed()).isEqualTo(earlier);
        assertNothingLeftBehind();
    }

    @Test
    void should_keep_an_earlier_commit_as_it_was_when_a_run_fails_half_way() {
        List<Attendee> earlier = write(GENERATOR.generate(100));
        AttendeeGenerator failing = OTHER.toBuilder().source(options -> new FailingSource(
                RecordSourceFactory.offline().create(options), 2L * AttendeeGenerator.BATCH_SIZE)).build();

        try (AttendeeSink sink = openSink()) {
            assertThatThrownBy(() -> failing.writeTo(sink, 3L * AttendeeGenerator.BATCH_SIZE))
                    .hasMessage(FailingSource.MESSAGE);
        }

        assertThat(committed()).isEqualTo(earlier);
        assertNothingLeftBehind();
    }

    @Test
    void should_show_a_later_commit_beside_or_instead_of_an_earlier_one() {
        List<Attendee> earlier = write(GENERATOR.generate(100));

        List<Attendee> later = write(OTHER.generate(60));

        assertThat(committed()).isEqualTo(expected(earlier, later));
    }

    // ---- closing --------------------------------------------------------------------------------

    @Test
    void should_close_any_number_of_times_and_keep_what_was_committed() {
        List<Attendee> attendees = GENERATOR.generate(40);
        AttendeeSink sink = openSink();
        sink.write(attendees);
        sink.commit();
        sink.close();
        sink.close();

        AttendeeSink discarded = openSink();
        discarded.write(OTHER.generate(10));
        discarded.close();
        discarded.close();

        assertThat(committed()).isEqualTo(attendees);
    }

    @Test
    void should_refuse_writes_and_commits_after_commit_or_close() {
        List<Attendee> attendees = GENERATOR.generate(30);
        List<Attendee> more = OTHER.generate(5);
        AttendeeSink committedSink = openSink();
        committedSink.write(attendees);
        committedSink.commit();

        assertThatThrownBy(() -> committedSink.write(more)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(committedSink::commit).isInstanceOf(IllegalStateException.class);
        committedSink.close();

        AttendeeSink closedSink = openSink();
        closedSink.write(more);
        closedSink.close();
        assertThatThrownBy(() -> closedSink.write(more)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(closedSink::commit).isInstanceOf(IllegalStateException.class);

        assertThat(committed()).isEqualTo(attendees);
    }

    // ---- addresses ------------------------------------------------------------------------------

    @Test
    void should_admit_a_batch_of_free_addresses_as_it_is() {
        List<Attendee> attendees = GENERATOR.generate(200);
        try (AttendeeSink sink = openSink()) {
            List<Attendee> admitted = sink.admit(attendees);

            assertThat(admitted).isEqualTo(attendees);
            if (!keepsEmailsUnique()) {
                assertThat(admitted).as("a sink that keeps addresses as they come admits the batch itself").isSameAs(attendees);
            }
            sink.write(admitted);
            sink.commit();
        }

        assertThat(committed()).isEqualTo(attendees);
        renamedByLastCommit().ifPresent(n -> assertThat(n).isZero());
    }

    @Test
    void should_write_what_admit_returned_without_admitting_it_again() {
        List<Attendee> attendees = GENERATOR.generate(150);
        List<Attendee> again = shifted(attendees, attendees.size());
        List<Attendee> admitted;
        try (AttendeeSink sink = openSink()) {
            sink.write(attendees);
            admitted = sink.admit(again);
            sink.write(admitted);
            sink.commit();
        }

        assertMoved(again, admitted);
        assertThat(committed()).isEqualTo(concat(attendees, admitted));
        renamedByLastCommit().ifPresent(n -> assertThat(n).isEqualTo(keepsEmailsUnique() ? again.size() : 0));
    }

    @Test
    void should_admit_what_it_writes_directly_within_one_run() {
        List<Attendee> attendees = GENERATOR.generate(150);
        List<Attendee> again = shifted(attendees, attendees.size());
        try (AttendeeSink sink = openSink()) {
            sink.write(attendees);
            sink.write(again);
            sink.commit();
        }

        List<Attendee> all = committed();
        assertThat(all.subList(0, attendees.size())).isEqualTo(attendees);
        assertMoved(again, all.subList(attendees.size(), all.size()));
        renamedByLastCommit().ifPresent(n -> assertThat(n).isEqualTo(keepsEmailsUnique() ? again.size() : 0));
    }

    @Test
    void should_admit_against_what_earlier_commits_left() {
        List<Attendee> attendees = GENERATOR.generate(120);
        write(attendees);

        try (AttendeeSink sink = openSink()) {
            sink.write(attendees);
            sink.commit();
        }

        List<Attendee> all = committed();
        if (keepsEarlierCommits()) {
            assertThat(all).hasSize(2 * attendees.size());
            assertThat(all.subList(0, attendees.size())).isEqualTo(attendees);
            List<Attendee> later = all.subList(attendees.size(), all.size());
            assertThat(later).extracting(Attendee::id).containsExactlyElementsOf(
                    shifted(attendees, attendees.size()).stream().map(Attendee::id).toList());
            assertMoved(shifted(attendees, attendees.size()), later);
            renamedByLastCommit().ifPresent(n -> assertThat(n).isEqualTo(keepsEmailsUnique() ? attendees.size() : 0));
        } else {
            assertThat(all).as("a replaced destination holds no earlier address").isEqualTo(attendees);
            renamedByLastCommit().ifPresent(n -> assertThat(n).isZero());
        }
    }

    // ---- exact text, and what cannot be given back ---------------------------------------------

    @Test
    void should_give_back_hostile_text_exactly() {
        List<Attendee> hostile = hostile();

        write(hostile);

        assertThat(committed()).isEqualTo(hostile);
    }

    /** Attendees that no sink can be expected to give back exactly as written. */
    protected static Stream<Arguments> unrepresentable() {
        Attendee a = GENERATOR.attendee(2);
        return Stream.of(
                Arguments.of("a list item holding the separator ';'", copy(a, null, null, List.of("Kubernetes;Docker"), null)),
                Arguments.of("a list of one empty item", copy(a, null, null, List.of(""), null)),
                Arguments.of("a list item with spaces around it", copy(a, null, null, List.of(" Docker "), null)),
                Arguments.of("a NUL character", copy(a, "Ada\u0000Lovelace", null, null, null)),
                Arguments.of("another control character", copy(a, "Ada\u0007Lovelace", null, null, null)),
                Arguments.of("an id below 1", a.withId(0)),
                Arguments.of("a blank name", copy(a, "  ", null, null, null)),
                Arguments.of("an address that is not one", copy(a, null, "not an address", null, null)),
                Arguments.of("a year past 9999", copy(a, null, null, null, LocalDateTime.of(10_000, 1, 14, 9, 56, 2))));
    }

    /**
     * An attendee the sink could not give back as written is refused with a
     * {@link ConfigurationException} before any of its batch is taken, and the sink stays usable;
     * an attendee it takes comes back exactly. A sink may refuse more than its destination needs,
     * never take what it would change or could not read again.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.attendees.spi.AbstractAttendeeSinkContractTest#unrepresentable")
    protected void should_refuse_a_whole_batch_it_could_not_give_back_or_give_it_back_exactly(String what, Attendee odd) {
        List<Attendee> good = GENERATOR.generate(1);
        Attendee alongside = GENERATOR.attendee(1);
        boolean refused;
        try (AttendeeSink sink = openSink()) {
            sink.write(good);
            try {
                sink.write(List.of(alongside, odd));
                refused = false;
            } catch (ConfigurationException e) {
                refused = true;
            }
            sink.commit();
        }

        List<Attendee> back;
        try {
            back = committed();
        } catch (RuntimeException e) {
            throw new AssertionError("the sink took " + what + " and wrote what cannot be read back: " + e.getMessage(), e);
        }
        if (refused) {
            assertThat(back).as("what was written before the refused batch").isEqualTo(good);
        } else {
            assertThat(back).as("the sink took %s; it must give it back exactly", what).isEqualTo(concat(good, List.of(alongside, odd)));
        }
    }

    // ---- through the generator -------------------------------------------------------------------

    @Test
    void should_take_a_large_run_from_a_generator_and_count_every_attendee() {
        int count = AttendeeGenerator.PARALLEL_THRESHOLD + 3 * AttendeeGenerator.BATCH_SIZE / 2;
        AttendeeGenerator generator = GENERATOR.toBuilder().threads(4).build();
        GenerationSummary summary;
        try (AttendeeSink sink = openSink()) {
            summary = generator.writeTo(sink, count);
        }

        assertThat(summary.count()).isEqualTo(count);
        assertThat(committed()).isEqualTo(GENERATOR.generate(count));
        renamedByLastCommit().ifPresent(n -> assertThat(n).isZero());
        assertNothingLeftBehind();
    }

    @Test
    void an_encoding_sink_should_write_batches_encoded_on_several_threads_as_it_writes_them() throws Exception {
        List<Attendee> attendees = GENERATOR.generate(2_000);
        try (AttendeeSink sink = openSink()) {
            assumeTrue(sink instanceof EncodingAttendeeSink, "only an EncodingAttendeeSink encodes on other threads");
            EncodingAttendeeSink encoding = (EncodingAttendeeSink) sink;
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<byte[]>> encoded = new ArrayList<>();
                for (int from = 0; from < attendees.size(); from += 250) {
                    List<Attendee> batch = attendees.subList(from, from + 250);
                    encoded.add(pool.submit(() -> encoding.encode(batch)));
                }
                for (Future<byte[]> bytes : encoded) {
                    encoding.writeEncoded(bytes.get());
                }
            } finally {
                pool.shutdownNow();
            }
            sink.commit();
        }

        assertThat(committed()).isEqualTo(attendees);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** Writes {@code attendees} through one sink as they are admitted, commits, and returns what was written. */
    protected List<Attendee> write(List<Attendee> attendees) {
        try (AttendeeSink sink = openSink()) {
            List<Attendee> admitted = sink.admit(attendees);
            sink.write(admitted);
            sink.commit();
            return admitted;
        }
    }

    /**
     * What the destination shows after {@code later} was committed on top of {@code earlier}: both,
     * the later ones numbered on from the largest id before, or the later ones alone.
     */
    protected List<Attendee> expected(List<Attendee> earlier, List<Attendee> later) {
        if (!keepsEarlierCommits()) {
            return later;
        }
        long largest = earlier.stream().mapToLong(Attendee::id).max().orElse(0);
        return concat(earlier, shifted(later, largest));
    }

    /**
     * {@code admitted} is {@code asked} as a sink that keeps addresses as they come writes it
     * (unchanged), or as one that keeps them unique does when every address is held already: each
     * attendee moved to another address of the same domain, unique, and a name that shows the middle
     * initial the address took, if any; every other column as it was.
     */
    protected void assertMoved(List<Attendee> asked, List<Attendee> admitted) {
        assertThat(admitted).hasSameSizeAs(asked);
        if (!keepsEmailsUnique()) {
            assertThat(admitted).as("addresses written as they come").isEqualTo(asked);
            return;
        }
        assertThat(admitted.stream().map(Attendee::email).distinct().count()).as("distinct addresses").isEqualTo(asked.size());
        for (int i = 0; i < asked.size(); i++) {
            Attendee before = asked.get(i);
            Attendee after = admitted.get(i);
            assertThat(after.email()).isNotEqualToIgnoringCase(before.email());
            assertThat(domain(after.email())).isEqualTo(domain(before.email()));
            if (!after.name().equals(before.name())) {
                assertThat(after.name()).as("a name that shows the address's middle initial").matches(".+ [A-Z]\\. .+");
            }
            assertThat(copy(after, before.name(), before.email(), null, null)).isEqualTo(before);
        }
    }

    /** {@code a} followed by {@code b}. */
    protected static List<Attendee> concat(List<Attendee> a, List<Attendee> b) {
        List<Attendee> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The attendees with their ids moved on by {@code by}. */
    protected static List<Attendee> shifted(List<Attendee> attendees, long by) {
        return attendees.stream().map(a -> a.withId(a.id() + by)).toList();
    }

    private static String domain(String email) {
        return email.substring(email.lastIndexOf('@') + 1);
    }

    /** {@code a} with the given columns instead of its own ({@code null}: keep its own). */
    private static Attendee copy(Attendee a, String name, String email, List<String> interests, LocalDateTime attended) {
        return new Attendee(a.id(), name != null ? name : a.name(), email != null ? email : a.email(),
                a.company(), a.eventName(), attended != null ? attended : a.attendanceTime(),
                a.jobTitle(), a.industry(), a.companySize(), interests != null ? interests : a.productInterests(),
                a.boothVisited(), a.imagePath(), a.createdAt());
    }

    /** Text that breaks naive CSV, JSON and SQL handling, in every column that holds text. */
    protected static List<Attendee> hostile() {
        LocalDateTime t = LocalDateTime.of(2026, 3, 18, 9, 5, 7);
        List<String> texts = List.of(
                "=cmd|' /C calc'!A0",
                "+1 and -1 and @mention",
                "Robert'); DROP TABLE attendees;--",
                "O'Brien \"the\" Great, Esq.",
                "Zoë Ñandú 佐藤 Смирнов",
                "emoji 😀🎉 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
                "tab\tand\nnew line\r\nand back\\slash",
                "100% _like_ [brackets] $1 $$dollar$$ {\"json\": [1]}",
                "  leading and trailing spaces  ",
                "' OR '1'='1");
        List<Attendee> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            String item = text.replace(";", ",").strip();
            out.add(new Attendee(i + 1, text, "hostile" + i + "@example.test", text, text, t.plusMinutes(i), text,
                    Industry.values()[i % Industry.values().length], CompanySize.values()[i % CompanySize.values().length],
                    List.of(item, "Kubernetes"), i % 2 == 0 ? List.of(item) : List.of(), "images/" + (i + 1) + ".png",
                    t.minusDays(3 + i)));
        }
        return out;
    }

    /** A source that fails once a run reaches index {@code failAt}. */
    private static final class FailingSource implements RecordSource {
        static final String MESSAGE = "the source failed half-way";
        private final RecordSource offline;
        private final long failAt;

        FailingSource(RecordSource offline, long failAt) {
            this.offline = offline;
            this.failAt = failAt;
        }

        @Override
        public List<Attendee> generate(long from, long to) {
            if (to > failAt) {
                throw new IllegalStateException(MESSAGE);
            }
            return offline.generate(from, to);
        }

        @Override
        public String name() {
            return "failing";
        }
    }
}
