package dev.attendees.sql.internal;

import dev.attendees.Attendee;
import dev.attendees.ConfigurationException;
import dev.attendees.InputException;
import dev.attendees.export.AttendeeFormat;
import dev.attendees.export.AttendeeReader;
import dev.attendees.store.DuplicatePolicy;
import dev.attendees.store.GenerationRun;
import dev.attendees.store.ImportOptions;
import dev.attendees.store.ImportResult;
import dev.attendees.store.LongSet;
import dev.attendees.store.RunInfo;
import dev.attendees.store.RunKind;
import dev.attendees.store.UniqueEmails;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Imports files in one transaction. Rows are checked by the readers of {@code attendee-core}
 * (required fields, e-mail syntax, the industry and size lists, timestamps); e-mail addresses are
 * stored in lower case and compared so for duplicates. Duplicates are found with a set of 64-bit
 * hashes of the addresses already there and seen so far ({@link UniqueEmails}), confirmed by an
 * index lookup only on a hit; with {@link DuplicatePolicy#RENAME} a hit is imported with the next
 * free address of its family.
 */
public final class Importer {
    private final Database database;
    private final Runs runs;
    private final DuplicatePolicy policy;

    /** An import into {@code database} that records its run in {@code runs}. */
    public Importer(Database database, Runs runs, ImportOptions options) {
        this.database = database;
        this.runs = runs;
        this.policy = options.onDuplicate();
    }

    /** Imports the files, all in one transaction. */
    public ImportResult run(List<Path> inputs) {
        if (inputs.isEmpty()) {
            throw new ConfigurationException("give at least one file to import");
        }
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        LocalDateTime importTime = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        Dialect dialect = database.dialect();
        Connection c;
        try {
            c = database.connection();
        } catch (SQLException e) {
            throw Errors.of(e, "import", database.location());
        }
        try (c) {
            c.setAutoCommit(false);
            BulkStrategy.Bulk bulk = null;
            try {
                // New ids come after every id the store has given (runs included); into a store that
                // never had any, rows keep the ids they come with.
                dialect.bulk().lockForWrite(c);
                long rows = Runs.maxId(c);
                long maxId = Runs.lastId(c, rows);
                bulk = dialect.bulk().begin(c, rows, policy != DuplicatePolicy.FAIL);
                boolean empty = maxId == 0;
                Map<String, Long> mixedCase = new HashMap<>();
                UniqueEmails emails = new UniqueEmails();
                if (!empty) {
                    StoredEmails.takeInto(c, emails, mixedCase);
                }
                LongSet ids = empty ? new LongSet() : null;
                long lastUsed = maxId;
                long read = 0;
                long skipped = 0;
                long replaced = 0;
                try (BulkWriter writer = new BulkWriter(c, dialect, bulk);
                        PreparedStatement byEmail = c.prepareStatement("SELECT id FROM attendees WHERE email = ?");
                        PreparedStatement update = c.prepareStatement(AttendeeRows.UPDATE)) {
                    Reading reading = new Reading(inputs, importTime, dialect.sql());
                    try {
                        for (List<Row> batch = reading.next(); batch != null; batch = reading.next()) {
                            for (Row row : batch) {
                                Attendee a = row.bound().attendee();
                                BoundRow bound = row.bound();
                                if (policy == DuplicatePolicy.RENAME && emails.taken(a.email())) {
                                    a = emails.admit(a);
                                    bound = BoundRow.of(a, dialect.sql());
                                } else if (emails.taken(a.email())) {
                                    writer.flush();
                                    Long existing = idOf(byEmail, a.email());
                                    if (existing == null) {
                                        existing = mixedCase.get(a.email());
                                    }
                                    if (existing != null) {
                                        boolean earlier = existing > maxId;
                                        switch (policy) {
                                            case FAIL -> throw new InputException(row.input().toString(), row.line(), "email",
                                                    "'" + a.email() + "' is already " + (earlier ? "in this import" : "in the store")
                                                    + " (id " + existing + "); the duplicate policy skip, replace or rename would import anyway");
                                            case SKIP -> skipped++;
                                            case REPLACE -> {
                                                bulk.beforeReplace(existing, earlier);
                                                AttendeeRows.bind(update, 0, dialect.sql(), row.bound(), existing);
                                                update.executeUpdate();
                                                bulk.afterReplace(existing, earlier);
                                                replaced++;
                                            }
                                        }
                                        read++;
                                        continue;
                                    }
                                }
                                read++;
                                emails.take(a.email());
                                long id;
                                if (empty && a.id() > 0) {
                                    id = a.id();
                                } else if (lastUsed < Long.MAX_VALUE) {
                                    id = lastUsed + 1;
                                } else {
                                    throw new InputException(row.input().toString(), row.line(), "id",
                                            "no id is left for this row: the import already holds the largest, " + Long.MAX_VALUE);
                                }
                                if (empty && !ids.add(id)) {
                                    throw new InputException(row.input().toString(), row.line(), "id",
                                            "id " + id + " appears twice in this import");
                                }
                                lastUsed = Math.max(lastUsed, id);
                                boolean flushHeld = bulk.added(id, bound);
                                writer.add(bound, id);
                                if (flushHeld) {
                                    writer.flush();
                                    bulk.flushHeld();
                                }
                            }
                        }
                    } finally {
                        reading.stop();
                    }
                    writer.flush();
                    long first = writer.first(maxId);
                    long last = writer.last(maxId);
                    bulk.finish(first, last);
                    RunInfo info = new RunInfo(RunKind.IMPORT, inputs.stream().map(Path::toString).collect(Collectors.joining(", ")),
                            null, null, null, null, "{\"duplicates\":\"" + policy + "\"}");
                    GenerationRun run = runs.record(c, info, first, last, writer.count(), skipped, replaced, emails.adjusted(), started);
                    c.commit();
                    return new ImportResult(run, read, writer.count(), skipped, replaced, emails.adjusted(),
                            Duration.ofNanos(System.nanoTime() - t0));
                }
            } catch (SQLException | RuntimeException | Error e) {
                Database.rollbackQuietly(c);
                throw e;
            } finally {
                try {
                    c.setAutoCommit(true);
                } finally {
                    if (bulk != null) {
                        bulk.ended();
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            throw Errors.of(e, "import", database.location());
        }
    }

    /** One row read and made ready to bind, and where it came from. */
    private record Row(BoundRow bound, Path input, long line) {}

    /**
     * Reads and checks the rows on a thread of its own, a batch ahead of the writer, and makes
     * them ready to bind ({@link BoundRow}), so that parsing and inserting overlap; a bad row
     * reaches the writer as its exception, in order.
     */
    private static final class Reading {
        private static final int BATCH = 1024;
        private static final Object END = new Object();

        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8);
        private final Thread thread;
        private volatile boolean stopped;

        Reading(List<Path> inputs, LocalDateTime importTime, SqlExpressions sql) {
            thread = new Thread(() -> {
                try {
                    for (Path input : inputs) {
                        try (AttendeeReader reader = AttendeeFormat.read(input)) {
                            List<Row> batch = new ArrayList<>(BATCH);
                            while (!stopped && reader.hasNext()) {
                                Attendee a = normalized(reader.next(), importTime);
                                batch.add(new Row(BoundRow.of(a, sql), input, reader.line()));
                                if (batch.size() == BATCH) {
                                    queue.put(batch);
                                    batch = new ArrayList<>(BATCH);
                                }
                            }
                            if (!batch.isEmpty()) {
                                queue.put(batch);
                            }
                        }
                    }
                    queue.put(END);
                } catch (InterruptedException e) {
                    // Stopped by the writer.
                } catch (RuntimeException | Error e) {
                    try {
                        // put, not offer: the queue may be full, and the writer must get the failure.
                        queue.put(e);
                    } catch (InterruptedException stopped) {
                        // The writer stopped meanwhile.
                    }
                }
            }, "attendees-import-reader");
            thread.setDaemon(true);
            thread.start();
        }

        /** The next batch, or {@code null} after the last; rethrows the reader's failure. */
        @SuppressWarnings("unchecked")
        List<Row> next() {
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new dev.attendees.AttendeeException("the import was interrupted", e);
            }
            if (item == END) {
                return null;
            }
            if (item instanceof RuntimeException e) {
                throw e;
            }
            if (item instanceof Error e) {
                throw e;
            }
            return (List<Row>) item;
        }

        void stop() {
            stopped = true;
            thread.interrupt();
        }
    }

    /** The e-mail address in lower case, and the import time for a row without {@code created_at}. */
    private static Attendee normalized(Attendee a, LocalDateTime importTime) {
        String email = a.email().toLowerCase(Locale.ROOT);
        if (email.equals(a.email()) && a.createdAt() != null) {
            return a;
        }
        return new Attendee(a.id(), a.name(), email, a.company(), a.eventName(), a.attendanceTime(), a.jobTitle(),
                a.industry(), a.companySize(), a.productInterests(), a.boothVisited(), a.imagePath(),
                a.createdAt() != null ? a.createdAt() : importTime);
    }

    private static Long idOf(PreparedStatement byEmail, String email) throws SQLException {
        byEmail.setString(1, email);
        try (ResultSet rs = byEmail.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }
}
