package dev.attendees.images.internal;

import dev.attendees.Attendee;
import dev.attendees.AttendeeException;
import dev.attendees.ProviderException;
import dev.attendees.Secrets;
import dev.attendees.spi.ProviderReport;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine of every remote provider: for each attendee, the photo the {@link PhotoPool} assigns,
 * downloaded once per photo into the cache (and its use reported to the service), copied to
 * {@code images/<id>.<ext>}; and on any failure, a local avatar instead. Batches from any number
 * of threads share one pool of {@code maxConcurrency} workers, one rate-limit gate and one circuit
 * breaker (after many failures the service is left alone for a while and attendees get avatars at
 * once). Nothing here throws for one attendee; only an unwritable output folder stops a run. A
 * failure's words (which may quote a service's answer) are masked ({@link Secrets#mask}) before
 * they are logged or become notes. Thread-safe.
 */
public final class RemoteImages implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteImages.class);
    private static final int MAX_REASONS = 3;

    private final PhotoService service;
    private final String name;
    private final OkHttpClient client;
    private final boolean ownsClient;
    private final ApiClient api;
    private final RateLimitGate gate;
    private final PhotoPool pool;
    private final ImageDownloader downloader;
    private final AvatarRenderer fallback;
    private final CircuitBreaker breaker;
    private final ExecutorService workers;
    private final ImageFolder.Registry folders = new ImageFolder.Registry();
    private final Map<Path, AttributionLog> credits = new ConcurrentHashMap<>();
    private final Memo<String, ImageDownloader.Cached> photos = new Memo<>();
    private final LongAdder remote = new LongAdder();
    private final LongAdder avatars = new LongAdder();
    private final Map<String, LongAdder> reasons = new ConcurrentHashMap<>();
    private final LongAdder skipped = new LongAdder();
    private volatile String lastFailure;
    private final int imageSize;
    private volatile boolean closed;

    public RemoteImages(PhotoService service, RemoteSettings settings, Clock clock) {
        this.service = service;
        this.name = service.name();
        this.imageSize = settings.imageSize();
        this.ownsClient = settings.client() == null;
        this.client = client(settings);
        RetryConfig retryConfig = RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.retryBackoff(), 2.0, 0.5))
                .retryOnException(e -> e instanceof ProviderException p && p.retriable() && !(e instanceof RateLimitedException))
                .build();
        Retry retry = Retry.of(name, retryConfig);
        this.gate = new RateLimitGate(name, settings.rateLimitReserve(), settings.maxRateLimitWait(), clock);
        this.api = new ApiClient(name, client, retry, gate, settings.baseUrl(), service.credentials(), clock);
        this.pool = new PhotoPool(service, api, settings.poolSize());
        this.downloader = new ImageDownloader(name, client, retry, settings.maxImageBytes());
        this.fallback = new AvatarRenderer(settings.imageSize(), true);
        this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .permittedNumberOfCallsInHalfOpenState(3)
                .build());
        AtomicInteger counter = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.maxConcurrency(), r -> {
            Thread t = new Thread(r, "attendees-" + name + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static OkHttpClient client(RemoteSettings s) {
        // Calls are synchronous on our workers, which bound the concurrency; no HTTPS-to-HTTP redirects.
        OkHttpClient.Builder b = s.client() != null ? s.client().newBuilder() : new OkHttpClient.Builder();
        return b.connectTimeout(s.connectTimeout())
                .readTimeout(s.readTimeout())
                .callTimeout(s.callTimeout())
                .followSslRedirects(false)
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("User-Agent", "attendees (+https://github.com/attendees-dev/attendees)").build()))
                .build();
    }

    /** The service's name. */
    public String name() {
        return name;
    }

    /**
     * One attendee's image: the service's photo, or an avatar. Fetched on the same workers as
     * batches, so callers on many threads stay within the concurrency limit too.
     */
    public String imageFor(Attendee attendee, Path outputDir) {
        return imagesFor(List.of(attendee), outputDir).get(0);
    }

    /** A batch's images, fetched concurrently within the global limit, in order. */
    public List<String> imagesFor(List<Attendee> batch, Path outputDir) {
        ImageFolder folder = folders.of(outputDir);
        List<Future<String>> futures = new ArrayList<>(batch.size());
        for (Attendee a : batch) {
            futures.add(workers.submit(() -> one(a, folder)));
        }
        List<String> paths = new ArrayList<>(batch.size());
        try {
            for (Future<String> f : futures) {
                paths.add(f.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new AttendeeException(name + ": interrupted while fetching images", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new AttendeeException(name + ": " + e.getCause(), e.getCause());
        }
        return paths;
    }

    private String one(Attendee attendee, ImageFolder folder) {
        if (closed) {
            throw new IllegalStateException(name + " image provider is closed");
        }
        if (!breaker.tryAcquirePermission()) {
            // After repeated failures the service is left alone for a while: same cause, no new attempt.
            skipped.increment();
            String last = lastFailure;
            return avatar(attendee, folder, last != null ? last : name + " failed repeatedly");
        }
        long start = System.nanoTime();
        try {
            RemotePhoto photo = pool.photoFor(attendee.id());
            ImageDownloader.Cached cached = photo(photo, folder);
            String path = folder.write(attendee.id(), cached.type(), read(cached));
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            credits(folder).add(attendee.id(), path, photo);
            remote.increment();
            return path;
        } catch (RateLimitedException e) {
            breaker.releasePermission();
            return avatar(attendee, folder, e.getMessage());
        } catch (ProviderException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            lastFailure = Secrets.mask(e.getMessage());
            return avatar(attendee, folder, e.getMessage());
        } catch (AttendeeException e) {
            // The output folder cannot be written: not this attendee's problem, the run's.
            breaker.releasePermission();
            throw e;
        } catch (RuntimeException e) {
            // A service answering in an unexpected shape must not stop the run either.
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            lastFailure = name + ": unexpected answer (" + e.getClass().getSimpleName() + ")";
            return avatar(attendee, folder, lastFailure);
        }
    }

    /** The photo in the cache: downloaded (and its use reported to the service) once per run. */
    private ImageDownloader.Cached photo(RemotePhoto photo, ImageFolder folder) {
        String key = name + ":" + photo.id() + ":" + imageSize;
        return photos.get(folder.dir() + "\u0000" + key, () -> {
            ImageDownloader.Cached cached = downloader.fetch(photo.image(), key, folder.cacheDir());
            service.used(api, photo);
            return cached;
        });
    }

    /** A cached photo's bytes; a file gone missing (someone cleaned the cache) is this attendee's failure only. */
    private byte[] read(ImageDownloader.Cached cached) {
        try {
            return Files.readAllBytes(cached.file());
        } catch (IOException e) {
            throw new ProviderException(name + ": cannot read the cached photo " + cached.file().getFileName() + " ("
                    + e.getClass().getSimpleName() + ")", false, e);
        }
    }

    private String avatar(Attendee attendee, ImageFolder folder, String failure) {
        String reason = Secrets.mask(failure);
        LOG.debug("attendee {}: avatar instead of a {} photo: {}", attendee.id(), name, reason);
        String path = folder.write(attendee.id(), ImageType.PNG, fallback.png(attendee));
        credits(folder).remove(attendee.id());
        avatars.increment();
        String key = reasons.size() < MAX_REASONS || reasons.containsKey(reason) ? reason : "other failures";
        reasons.computeIfAbsent(key, k -> new LongAdder()).increment();
        return path;
    }

    private AttributionLog credits(ImageFolder folder) {
        return credits.computeIfAbsent(folder.dir(), d -> new AttributionLog(name, service.license(), service.licenseUrl()));
    }

    /** Images by origin, and notes: fallbacks and why, requests and rate limit, cache, credits. */
    public ProviderReport report() {
        Map<String, Long> origins = new LinkedHashMap<>();
        if (remote.sum() > 0) {
            origins.put(name, remote.sum());
        }
        if (avatars.sum() > 0) {
            origins.put("avatar", avatars.sum());
        }
        List<String> notes = new ArrayList<>();
        reasons.entrySet().stream()
                .sorted(Map.Entry.<String, LongAdder>comparingByValue(Comparator.comparingLong(LongAdder::sum)).reversed())
                .forEach(e -> notes.add(String.format(Locale.ROOT, "%,d attendee%s got avatars: %s",
                        e.getValue().sum(), e.getValue().sum() == 1 ? "" : "s", e.getKey())));
        if (skipped.sum() > 0) {
            notes.add(String.format(Locale.ROOT, "%s: after repeated failures, %,d of them without a new attempt", name,
                    skipped.sum()));
        }
        notes.addAll(gate.notes());
        if (downloader.downloaded() + downloader.fromCache() > 0) {
            notes.add(String.format(Locale.ROOT, "%s: %,d photo%s downloaded, %,d from the cache (images/%s)", name,
                    downloader.downloaded(), downloader.downloaded() == 1 ? "" : "s", downloader.fromCache(),
                    ImageFolder.CACHE));
        }
        credits.forEach((dir, log) -> {
            int[] counts = log.counts();
            if (counts[0] > 0) {
                notes.add(String.format(Locale.ROOT, "credits for %,d %s photo%s in %s (%s); keep it with the images",
                        counts[1], name, counts[1] == 1 ? "" : "s", dir.resolve(AttributionLog.FILE), service.license()));
            }
        });
        folders.all().forEach(f -> notes.add("images in " + f.dir()));
        notes.replaceAll(Secrets::mask);
        return new ProviderReport(origins, notes);
    }

    /** Writes the attribution files, stops the workers and releases the HTTP client's resources. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        workers.shutdownNow();
        try {
            credits.forEach((dir, log) -> log.writeTo(dir));
        } finally {
            if (ownsClient) {
                client.connectionPool().evictAll();
            }
        }
    }
}
