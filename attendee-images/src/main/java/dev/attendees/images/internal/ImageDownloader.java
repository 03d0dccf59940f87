package dev.attendees.images.internal;

import dev.attendees.ProviderException;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Downloads one image into the cache folder, shared by every remote provider: retried with backoff
 * on time-outs, connection failures and 5xx; capped in size (reading stops past the cap); accepted
 * only when the {@code Content-Type} and the magic bytes both say JPEG, PNG or WebP, and the same
 * one; written atomically under a name made from a hash of the photo's identity, never from remote
 * text. A photo already in the cache is not downloaded again. Never sends credentials. Thread-safe.
 */
public final class ImageDownloader {
    private final String provider;
    private final OkHttpClient client;
    private final Retry retry;
    private final long maxBytes;
    private final AtomicLong downloaded = new AtomicLong();
    private final AtomicLong cached = new AtomicLong();

    /** A photo in the cache: its file and type. */
    public record Cached(Path file, ImageType type) {}

    public ImageDownloader(String provider, OkHttpClient client, Retry retry, long maxBytes) {
        this.provider = provider;
        this.client = client;
        this.retry = retry;
        this.maxBytes = maxBytes;
    }

    /** Photos downloaded so far. */
    public long downloaded() {
        return downloaded.get();
    }

    /** Photos found in the cache so far. */
    public long fromCache() {
        return cached.get();
    }

    /**
     * The photo {@code key} (e.g. {@code unsplash:Dwu85P9SOIk:128}) in {@code folder}'s cache,
     * downloaded from {@code url} unless already there (a download is the run's until it commits).
     */
    public Cached fetch(HttpUrl url, String key, ImageFolder folder) {
        String name = hash(key);
        Path cacheDir = folder.cacheDir();
        Optional<Cached> hit = lookup(cacheDir, name);
        if (hit.isPresent()) {
            cached.incrementAndGet();
            return hit.get();
        }
        Download d = retry.executeSupplier(() -> once(url));
        Path file = cacheDir.resolve(name + "." + d.type().extension());
        folder.cache(file, out -> out.write(d.bytes()));
        downloaded.incrementAndGet();
        return new Cached(file, d.type());
    }

    private record Download(byte[] bytes, ImageType type) {}

    private Download once(HttpUrl url) {
        Request request = new Request.Builder().url(url).header("Accept", "image/jpeg,image/png,image/webp").build();
        try (Response response = client.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw Failures.status(provider, url, response);
            }
            String contentType = response.header("Content-Type");
            ImageType declared = ImageType.ofMediaType(contentType).orElseThrow(() -> new ProviderException(
                    provider + ": not an image from " + Failures.where(url) + " (Content-Type "
                            + (contentType == null ? "missing" : printable(contentType)) + ")", false));
            byte[] bytes = Bodies.read(provider, url, Objects.requireNonNull(response.body()), maxBytes);
            ImageType actual = ImageType.sniff(bytes, bytes.length).orElseThrow(() -> new ProviderException(
                    provider + ": not an image from " + Failures.where(url) + " (the bytes are not JPEG, PNG or WebP)",
                    false));
            if (actual != declared) {
                throw new ProviderException(provider + ": " + Failures.where(url) + " says " + declared.mediaType()
                        + " but sends " + actual.mediaType(), false);
            }
            return new Download(bytes, actual);
        } catch (IOException e) {
            throw Failures.io(provider, url, e);
        }
    }

    /** A valid cached file of any type under {@code name}: a regular file whose bytes match its extension. */
    private static Optional<Cached> lookup(Path cacheDir, String name) {
        for (ImageType type : ImageType.values()) {
            Path file = cacheDir.resolve(name + "." + type.extension());
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                byte[] head = new byte[ImageType.SNIFF_LENGTH];
                try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                    int n = in.readNBytes(head, 0, head.length);
                    if (ImageType.sniff(head, n).filter(t -> t == type).isPresent()) {
                        return Optional.of(new Cached(file, type));
                    }
                } catch (IOException ignored) {
                    // Unreadable: download again.
                }
                ImageFolder.deleteQuietly(file);
            }
        }
        return Optional.empty();
    }

    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Remote text for a message: printable ASCII only, at most 60 characters. */
    static String printable(String text) {
        String clean = text.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "..." : clean;
    }
}
