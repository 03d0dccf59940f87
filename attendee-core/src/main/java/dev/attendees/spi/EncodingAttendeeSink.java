package dev.attendees.spi;

import dev.attendees.Attendee;
import java.util.List;

/**
 * An {@link AttendeeSink} whose costly part, turning a batch into bytes, can run on the generating
 * threads in parallel. The generator calls {@link #encode} from several threads and
 * {@link #writeEncoded} from one, in order.
 */
public interface EncodingAttendeeSink extends AttendeeSink {

    /** The bytes of one batch; thread-safe. */
    byte[] encode(List<Attendee> batch);

    /** Writes the bytes of one batch, in order after the previous one. */
    void writeEncoded(byte[] encoded);

    @Override
    default void write(List<Attendee> batch) {
        writeEncoded(encode(batch));
    }
}
