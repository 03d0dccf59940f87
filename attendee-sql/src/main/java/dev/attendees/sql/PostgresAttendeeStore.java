package dev.attendees.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.attendees.ConfigurationException;
import dev.attendees.Secrets;
import dev.attendees.sql.internal.Database;
import dev.attendees.sql.internal.Errors;
import dev.attendees.sql.internal.PostgresUrl;
import dev.attendees.sql.internal.postgres.PostgresDialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The attendee store on a PostgreSQL server (13 or newer, a {@code UTF8} database), in the
 * connection's current schema: the same tables, answers and behaviour as {@link SqliteAttendeeStore}.
 * Full text is a GIN index over {@code to_tsvector('simple', attendees_search_words(name || company
 * || job_title))}, which finds words as SQLite's FTS5 does; the normalized tables are
 * kept in step by statement-level triggers. Passwords never appear in messages or logs.
 *
 * <pre>{@code
 * try (PostgresAttendeeStore store = PostgresAttendeeStore.open("postgresql://app:secret@db.internal:5432/events")) {
 *     store.generate(generator, 50_000);
 * }
 * PostgresAttendeeStore.builder("jdbc:postgresql://localhost/events").user("app").password(System.getenv("PGPASSWORD")).build();
 * }</pre>
 */
public final class PostgresAttendeeStore extends SqlAttendeeStore {

    /** Pooled connections when none is given: {@value}. */
    public static final int DEFAULT_POOL_SIZE = 4;

    private PostgresAttendeeStore(Database database) {
        super(database);
    }

    /**
     * Connects to {@code postgresql://user:password@host:port/database} (or {@code jdbc:postgresql://...})
     * and migrates the schema.
     *
     * @throws ConfigurationException for a malformed URL
     * @throws dev.attendees.ProviderException when the server cannot be reached or refuses the login
     */
    public static PostgresAttendeeStore open(String url) {
        return builder(url).build();
    }

    /** A builder for the server at {@code url}. */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /** Configures a {@link PostgresAttendeeStore}. */
    public static final class Builder {
        private final PostgresUrl url;
        private String user;
        private String password;
        private int poolSize = DEFAULT_POOL_SIZE;

        private Builder(String url) {
            if (url == null || !PostgresUrl.matches(url)) {
                throw new ConfigurationException("not a PostgreSQL URL: " + PostgresUrl.mask(url)
                        + " (expected postgresql://user:password@host:5432/database)");
            }
            this.url = PostgresUrl.parse(url);
            this.user = this.url.user();
            this.password = this.url.password();
        }

        /** The user (instead of the URL's). */
        public Builder user(String name) {
            this.user = name;
            return this;
        }

        /** The password (instead of the URL's); read it from the environment, never from code. */
        public Builder password(String secret) {
            Secrets.register(secret);
            this.password = secret;
            return this;
        }

        /** Pooled connections, at least 2. */
        public Builder poolSize(int size) {
            if (size < 2) {
                throw new ConfigurationException("pool size must be at least 2, was " + size);
            }
            this.poolSize = size;
            return this;
        }

        /**
         * Connects and opens the store.
         *
         * @throws dev.attendees.ProviderException when the server cannot be reached or refuses the login
         */
        public PostgresAttendeeStore build() {
            HikariConfig hikari = new HikariConfig();
            hikari.setJdbcUrl(url.jdbcUrl());
            if (user != null) {
                hikari.setUsername(user);
            }
            if (password != null) {
                hikari.setPassword(password);
            }
            hikari.setPoolName("attendees-postgresql");
            hikari.setMaximumPoolSize(poolSize);
            hikari.setMinimumIdle(1);
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
            HikariDataSource pool;
            try {
                pool = new HikariDataSource(hikari);
            } catch (RuntimeException e) {
                throw Errors.of(e, "open the database", url.masked());
            }
            Database.ReadOnlySource readOnly = () -> {
                Connection c = pool.getConnection();
                try {
                    c.setReadOnly(true);
                } catch (SQLException e) {
                    c.close();
                    throw e;
                }
                return c;
            };
            return new PostgresAttendeeStore(Database.open(pool, pool, readOnly, PostgresDialect.create(), url.masked()));
        }
    }
}
