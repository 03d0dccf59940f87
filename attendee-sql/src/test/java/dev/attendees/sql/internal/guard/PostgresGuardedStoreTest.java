package dev.attendees.sql.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.sql.AttendeeStores;
import dev.attendees.sql.SqlAttendeeStore;
import dev.attendees.sql.internal.guard.SqlGuard.Layers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The guard and the layers behind it on PostgreSQL (14, embedded), through a login that owns the
 * database but is not a superuser: the way a store should be run. What a superuser login changes is
 * shown apart ({@link #should_not_stop_a_superuser_from_reading_a_server_file_with_the_database_alone}).
 */
class PostgresGuardedStoreTest extends AbstractGuardedStoreTest {
    private EmbeddedPostgres server;

    @Override
    String database() {
        return "postgresql";
    }

    @Override
    SqlAttendeeStore openStore(Path folder) throws Exception {
        server = EmbeddedPostgres.builder().start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE guard_owner LOGIN PASSWORD 'owner'");
            s.execute("CREATE DATABASE guarded OWNER guard_owner");
            s.execute("CREATE DATABASE guarded_superuser");
        }
        return AttendeeStores.open(url("guard_owner:owner", "guarded"));
    }

    private String url(String login, String database) {
        return "postgresql://" + login + "@localhost:" + server.getPort() + "/" + database;
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    void fingerprint(Statement s, Map<String, Object> out) throws SQLException {
        out.put("relations", row(s, "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"));
        out.put("functions", row(s, "SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace"));
        out.put("large objects", row(s, "SELECT count(*) FROM pg_largeobject_metadata"));
        out.put("advisory locks", row(s, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"));
        out.put("roles", row(s, "SELECT count(*), string_agg(rolname, ',' ORDER BY rolname) FROM pg_roles"));
        out.put("read only by default", row(s, "SHOW default_transaction_read_only"));
    }

    /**
     * A superuser may read the server's files; a read-only transaction does not change that, so on
     * such a login only the checks in front of the database (the parser's, the lexical one) stop
     * {@code pg_read_file}. This is why a store should log in as a plain owner of its database.
     */
    @Test
    void should_not_stop_a_superuser_from_reading_a_server_file_with_the_database_alone() {
        try (SqlAttendeeStore superuser = AttendeeStores.open(url("postgres:secret", "guarded_superuser"))) {
            String sql = "SELECT pg_read_file('" + secret + "')";
            assertThat(SqlGuard.with(Layers.DATABASE_ONLY, () -> superuser.readOnlySql(sql, 1, TIMEOUT)).rows())
                    .containsExactly(List.of(FILE_SECRET + "\n"));
            assertThat(org.assertj.core.api.Assertions.catchThrowable(
                    () -> SqlGuard.with(Layers.WITHOUT_PARSER, () -> superuser.readOnlySql(sql, 1, TIMEOUT))))
                    .hasMessageContaining("must not call pg_read_file");
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> superuser.readOnlySql(sql, 1, TIMEOUT)))
                    .hasMessageStartingWith("refused: function 'pg_read_file'");
        }
    }

    /** Moved here from PostgresAttendeeStoreTest: the guard refuses the function, so the layer behind it is shown without it. */
    @Test
    void should_release_session_locks_that_a_read_only_query_took() throws Exception {
        try (SqlAttendeeStore superuser = AttendeeStores.open(url("postgres:secret", "guarded_superuser"))) {
            try (Connection c = superuser.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE FUNCTION hold_a_lock() RETURNS boolean LANGUAGE sql AS 'SELECT pg_try_advisory_lock(42)'");
            }
            assertThat(SqlGuard.with(Layers.WITHOUT_PARSER, () -> superuser.readOnlySql("SELECT hold_a_lock()", 1,
                    Duration.ofSeconds(5))).rows()).containsExactly(List.of(true));
            try (Connection c = superuser.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }
}
