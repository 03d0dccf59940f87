package dev.attendees.sql.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.ProviderException;
import dev.attendees.sql.SqlAttendeeStore;
import dev.attendees.sql.SqliteAttendeeStore;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guard and the layers behind it on a SQLite store. */
class SqliteGuardedStoreTest extends AbstractGuardedStoreTest {

    @Override
    String database() {
        return "sqlite";
    }

    @Override
    SqlAttendeeStore openStore(Path folder) {
        return SqliteAttendeeStore.open(folder.resolve("attendees.db"));
    }

    /**
     * Allowed functions can still build a huge value from a small statement; the guard lets this
     * through (nothing in it is refused), and SQLite's length limit on the read-only connection
     * ({@link SqliteLimits}) stops it at once instead of filling memory until the timeout.
     */
    @Test
    void should_stop_a_value_that_outgrows_the_length_limit_at_the_database() {
        String tooBig = growing(5); // 100,000,000 characters
        assertThat(SqlGuard.of(org.jooq.SQLDialect.SQLITE).checked(tooBig)).isEqualTo(tooBig);
        long started = System.nanoTime();
        assertThatThrownBy(() -> store.readOnlySql(tooBig, 1, Duration.ofSeconds(30)))
                .isInstanceOf(ProviderException.class).hasMessageContaining("string or blob too big");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(store.readOnlySql(growing(4), 1, Duration.ofSeconds(30)).rows()).containsExactly(List.of(10_000_000L));
    }

    /** A statement whose value is 1,000 characters times ten {@code steps} times. */
    private static String growing(int steps) {
        String grow = "'" + "0".repeat(1_000) + "'";
        for (int i = 0; i < steps; i++) {
            grow = "replace(" + grow + ", '0', '0000000000')";
        }
        return "SELECT length(" + grow + ") AS n";
    }

    @Override
    void fingerprint(Statement s, Map<String, Object> out) throws SQLException {
        out.put("schema", row(s, "SELECT count(*), group_concat(name) FROM sqlite_master"));
        out.put("databases", row(s, "SELECT count(*) FROM pragma_database_list"));
    }
}
