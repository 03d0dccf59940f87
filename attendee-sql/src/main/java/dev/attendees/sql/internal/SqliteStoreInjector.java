package dev.attendees.sql.internal;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.junit.AttendeeInjector;
import dev.attendees.spi.AttendeeSink;
import dev.attendees.spi.AttendeeStore;
import dev.attendees.sql.SqlAttendeeStore;
import dev.attendees.sql.SqliteAttendeeStore;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jooq.DSLContext;

/**
 * {@code @FakeAttendees} for databases: a test parameter or field of type {@link AttendeeStore},
 * {@link SqlAttendeeStore}, {@link SqliteAttendeeStore}, {@link DataSource} or {@link DSLContext}
 * gets a new SQLite database in a temporary folder, filled with the injection point's attendees
 * (ids as generated: 1..count for the first injection point of a test) in one transaction, and
 * deleted when the test (or class, for static fields) is done. Found by core's JUnit extension
 * through {@code META-INF/services}.
 */
public final class SqliteStoreInjector implements AttendeeInjector {

    private static final List<Class<?>> TYPES = List.of(AttendeeStore.class, SqlAttendeeStore.class,
            SqliteAttendeeStore.class, DataSource.class, DSLContext.class);

    /** Attendees made and written per batch while filling a database. */
    private static final int BATCH = AttendeeGenerator.BATCH_SIZE;

    @Override
    public boolean supports(Type type) {
        return TYPES.contains(type);
    }

    @Override
    public Injection inject(Type type, AttendeeGenerator generator, long from, long to) throws IOException {
        Path dir = Files.createTempDirectory("attendees-junit-");
        SqliteAttendeeStore store;
        try {
            store = SqliteAttendeeStore.open(dir.resolve("attendees.db"));
        } catch (RuntimeException e) {
            delete(dir);
            throw e;
        }
        AutoCloseable cleanup = () -> {
            try {
                store.close();
            } finally {
                delete(dir);
            }
        };
        try (AttendeeSink sink = store.sink(generator)) {
            for (long start = from; start < to; start += BATCH) {
                List<Attendee> batch = generator.slice(start, Math.min(to, start + BATCH));
                sink.write(batch);
            }
            sink.commit();
        } catch (RuntimeException e) {
            try {
                cleanup.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        Object value = type == DataSource.class ? store.dataSource() : type == DSLContext.class ? store.dsl() : store;
        return new Injection(value, cleanup);
    }

    @Override
    public String describe() {
        return "AttendeeStore, SqliteAttendeeStore, DataSource or DSLContext (a SQLite database, attendee-sql)";
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
