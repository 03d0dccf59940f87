package dev.attendees.images.internal;

import dev.attendees.ProviderException;
import java.io.IOException;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/** Reads response bodies up to a cap, and stops reading (dropping the connection) beyond it. */
final class Bodies {
    private Bodies() {}

    /**
     * The whole body, or a final {@link ProviderException} once it passes {@code max} bytes
     * (checked against {@code Content-Length} first, then while reading).
     */
    static byte[] read(String provider, HttpUrl url, ResponseBody body, long max) throws IOException {
        long declared = body.contentLength();
        if (declared > max) {
            throw tooLarge(provider, url, String.format(Locale.ROOT, "%,d bytes", declared), max);
        }
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (buffer.size() <= max) {
            if (source.read(buffer, 8192) == -1) {
                return buffer.readByteArray();
            }
        }
        throw tooLarge(provider, url, String.format(Locale.ROOT, "more than %,d bytes", max), max);
    }

    private static ProviderException tooLarge(String provider, HttpUrl url, String size, long max) {
        return new ProviderException(String.format(Locale.ROOT, "%s: answer too large from %s: %s (the limit is %,d bytes)",
                provider, Failures.where(url), size, max), false);
    }
}
