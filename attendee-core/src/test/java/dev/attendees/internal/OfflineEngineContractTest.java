package dev.attendees.internal;

import dev.attendees.spi.AbstractRecordSourceContractTest;
import dev.attendees.spi.RecordSourceFactory;

/** The record-source contract on the offline engine, the generator's default source. */
class OfflineEngineContractTest extends AbstractRecordSourceContractTest {

    @Override
    protected RecordSourceFactory factory() {
        return RecordSourceFactory.offline();
    }
}
