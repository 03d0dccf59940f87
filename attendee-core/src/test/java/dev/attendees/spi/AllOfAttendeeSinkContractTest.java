package dev.attendees.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.Attendee;
import dev.attendees.AttendeeException;
import dev.attendees.ConfigurationException;
import dev.attendees.export.AttendeeFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sink contract on {@link AttendeeSink#allOf}: a store-like sink that keeps addresses unique
 * (in memory) first, a CSV file last, as its Javadoc advises. What it shows is the store's; the file
 * holds, every time, the attendees of the store's last committed run as they were written, moved
 * addresses included. Then what only {@code allOf} promises: commits in order (a failed first commit
 * leaves no file), every sink closed even when one fails to close, and one sink given back as it is.
 */
class AllOfAttendeeSinkContractTest extends AbstractAttendeeSinkContractTest {

    private final MemoryDestination store = new MemoryDestination();

    private Path csv() {
        return files.resolve("beside.csv");
    }

    @Override
    protected AttendeeSink openSink() {
        return AttendeeSink.allOf(store.sink(), AttendeeFormat.CSV.open(csv()));
    }

    @Override
    protected List<Attendee> committed() {
        List<Attendee> file = Files.exists(csv()) ? AttendeeFormat.readAll(csv()) : null;
        assertThat(file).as("the file beside the store: the store's last run as written").isEqualTo(store.lastRun());
        return store.committed();
    }

    @Override
    protected boolean keepsEarlierCommits() {
        return true;
    }

    @Override
    protected boolean keepsEmailsUnique() {
        return true;
    }

    @Override
    protected OptionalLong renamedByLastCommit() {
        return OptionalLong.of(store.lastRenamed());
    }

    @Override
    protected void assertNothingLeftBehind() {
        try (Stream<Path> inside = Files.list(files)) {
            assertThat(inside.map(p -> p.getFileName().toString())).isSubsetOf(csv().getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file beside the store is a file sink, which checks nothing (see AttendeeFileSinkContractTest). */
    @Override
    @Disabled("bug in the file sink, not in allOf: the CSV file takes attendees it cannot give back (a list item"
            + " holding ';', a lone empty item, a control character, a blank name, an address that is not one), so it"
            + " differs from the store; see AttendeeFileSinkContractTest")
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.attendees.spi.AbstractAttendeeSinkContractTest#unrepresentable")
    protected void should_refuse_a_whole_batch_it_could_not_give_back_or_give_it_back_exactly(String what, Attendee odd) {
        super.should_refuse_a_whole_batch_it_could_not_give_back_or_give_it_back_exactly(what, odd);
    }

    // ---- what only allOf promises ------------------------------------------------------------------

    @Test
    @Disabled("bug: allOf writes a batch to each sink in turn, so when a later sink refuses it (a ConfigurationException,"
            + " after which a sink stays usable) the earlier ones have taken it, and a commit then makes them differ"
            + " (latent today: the store sink, the only one that refuses, goes first; real once file sinks check too)."
            + " Fix: sinks refuse in admit, which allOf calls on every sink before writing to any; or allOf refuses"
            + " further writes and commits once a member has refused a batch")
    void should_write_a_batch_to_none_of_its_sinks_when_one_refuses_it() throws IOException {
        List<Attendee> good = GENERATOR.generate(3);
        try (AttendeeSink both = AttendeeSink.allOf(AttendeeFormat.CSV.open(csv()), store.sink())) {
            both.write(good.subList(0, 1));
            assertThatThrownBy(() -> both.write(List.of(good.get(1), good.get(2).withId(0))))
                    .isInstanceOf(ConfigurationException.class);
            both.commit();
        }

        assertThat(store.committed()).containsExactly(good.get(0));
        assertThat(Files.readAllLines(csv())).as("the file beside the store: its header and the first attendee").hasSize(2);
    }

    @Test
    void should_commit_in_order_and_leave_no_file_when_the_first_sink_fails_at_commit() {
        store.failNextCommit(new AttendeeException("the database went away"));
        try (AttendeeSink both = openSink()) {
            both.write(GENERATOR.generate(20));

            assertThatThrownBy(both::commit).hasMessage("the database went away");
        }

        assertThat(csv()).doesNotExist();
        assertThat(store.committed()).isEmpty();
        assertNothingLeftBehind();
    }

    @Test
    void should_close_every_sink_when_one_fails_to_close_and_throw_the_first_failure() {
        List<String> closed = new ArrayList<>();
        AttendeeSink both = AttendeeSink.allOf(closing("first", closed, new IllegalStateException("first failed")),
                closing("second", closed, null), closing("third", closed, new IllegalStateException("third failed")));

        assertThatThrownBy(both::close).hasMessage("first failed")
                .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("third failed"));
        assertThat(closed).containsExactly("first", "second", "third");
    }

    @Test
    void should_give_one_sink_back_as_it_is() {
        AttendeeSink only = store.sink();

        assertThat(AttendeeSink.allOf(only)).isSameAs(only);
    }

    private static AttendeeSink closing(String name, List<String> closed, RuntimeException failure) {
        return new AttendeeSink() {
            @Override
            public void write(List<Attendee> batch) {}

            @Override
            public void commit() {}

            @Override
            public void close() {
                closed.add(name);
                if (failure != null) {
                    throw failure;
                }
            }
        };
    }
}
