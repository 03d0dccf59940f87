package dev.attendees.sql;

import dev.attendees.spi.AttendeeStore;

/** The sink contract on the SQLite store's sink. */
class SqliteStoreSinkContractTest extends AbstractStoreSinkContractTest {

    @Override
    protected AttendeeStore openStore() {
        return SqliteAttendeeStore.open(files.resolve("store/attendees.db"));
    }
}
