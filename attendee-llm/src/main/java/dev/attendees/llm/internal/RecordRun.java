package dev.attendees.llm.internal;

import dev.attendees.Attendee;
import dev.attendees.AttendeeException;
import dev.attendees.GenerationOptions;
import dev.attendees.ProviderException;
import dev.attendees.llm.LlmSettings;
import dev.attendees.profile.EventProfiles;
import dev.attendees.spi.ProviderReport;
import dev.attendees.spi.RecordSource;
import dev.attendees.spi.RecordSourceFactory;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of an LLM record source for one run: splits each requested range into batches, asks the
 * model for them concurrently, checks every record, asks again for what was missing, fills what is
 * still missing from the offline engine, and keeps finished batches in the checkpoint.
 */
public final class RecordRun implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecordRun.class);
    /** Distance between the offline indices tried when a fallback record clashes with an accepted one. */
    private static final long STRIDE = 1_000_000_007L;

    private final LlmSettings settings;
    private final GenerationOptions options;
    private final LlmClient client;
    private final RecordSource offline;
    private final RunRegistry registry = new RunRegistry();
    private final RecordChecker checker;
    private final JsonSchema schema;
    private final Checkpoint checkpoint;
    private final ExecutorService pool;
    private final String origin;
    private final Map<String, Long> origins = new LinkedHashMap<>();
    private final Map<String, Long> rejections = new TreeMap<>();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong reasks = new AtomicLong();
    private final AtomicLong extra = new AtomicLong();
    private final AtomicLong repaired = new AtomicLong();
    private final AtomicReference<String> fallbackReason = new AtomicReference<>();
    private long reused;

    public RecordRun(LlmSettings settings, GenerationOptions options, Path checkpointFile) {
        this(settings, options, checkpointFile, Clock.systemUTC());
    }

    /** With the clock the client's circuit breaker measures its wait on (tests move it). */
    RecordRun(LlmSettings settings, GenerationOptions options, Path checkpointFile, Clock clock) {
        this.settings = settings;
        this.options = options;
        this.origin = settings.provider().id();
        this.client = new LlmClient(settings, "llm-records", clock);
        this.offline = RecordSourceFactory.offline().create(options);
        this.checker = new RecordChecker(options, registry);
        this.schema = Prompts.recordSchema(options);
        this.checkpoint = checkpointFile == null ? null : Checkpoint.open(checkpointFile, fingerprint(settings, options));
        if (checkpoint != null) {
            for (Checkpoint.Entry e : checkpoint.restored().values()) {
                registry.claim(e.attendee(), Vocabulary.corporateDomain(e.attendee()));
            }
        }
        origins.put(origin, 0L);
        origins.put("offline", 0L);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "attendees-llm-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The options' fingerprint: a checkpoint is reused only by a run with the same one. The seed is
     * left out on purpose: an LLM run is not reproducible by seed, and a resumed run without
     * {@code --seed} gets a new one.
     */
    static String fingerprint(LlmSettings s, GenerationOptions o) {
        String text = String.join("\n", s.provider().id(), s.model(), s.baseUrl(), String.valueOf(s.batchSize()),
                o.eventName(), canonical(EventProfiles.toJson(o.profile())), String.valueOf(o.corporateRatio()),
                String.join(";", o.interests()), String.join(";", o.booths()), o.from().toString(), o.to().toString(),
                o.dailyOpen().toString(), o.dailyClose().toString(), o.locales().toString(),
                String.valueOf(o.undeliverableEmails()));
        return Vocabulary.sha256(text);
    }

    /** JSON with every object's keys sorted: a profile's maps iterate in a different order in every JVM. */
    private static String canonical(String json) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper sorted = new com.fasterxml.jackson.databind.ObjectMapper()
                    .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
            return sorted.writeValueAsString(sorted.readValue(json, Object.class));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Attendees {@code [from, to)}: from the checkpoint where finished, else asked for in batches. */
    public List<Attendee> generate(long from, long to) {
        int n = Math.toIntExact(to - from);
        Attendee[] out = new Attendee[n];
        List<long[]> todo = new ArrayList<>();
        long runStart = -1;
        for (long i = from; i <= to; i++) {
            Checkpoint.Entry done = i < to && checkpoint != null ? checkpoint.restored().get(i) : null;
            if (done != null && !settings.fallbackToOffline() && !done.origin().equals(origin)) {
                done = null;   // an earlier run's fallback record, but this run wants the model's only
            }
            if (done != null) {
                out[(int) (i - from)] = done.attendee().withId(i + 1);
                count(done.origin(), 1);
                reused++;
            }
            boolean missing = i < to && done == null;
            if (missing && runStart < 0) {
                runStart = i;
            }
            if ((!missing || i - runStart == settings.batchSize()) && runStart >= 0) {
                todo.add(new long[] {runStart, i});
                runStart = missing ? i : -1;
            }
        }
        List<Future<List<Checkpoint.Entry>>> futures = new ArrayList<>();
        for (long[] range : todo) {
            futures.add(pool.submit(() -> batch(range[0], (int) (range[1] - range[0]))));
        }
        try {
            for (Future<List<Checkpoint.Entry>> f : futures) {
                for (Checkpoint.Entry e : await(f)) {
                    out[(int) (e.index() - from)] = e.attendee();
                }
            }
        } catch (RuntimeException e) {
            futures.forEach(f -> f.cancel(true));
            throw e;
        }
        return List.of(out);
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AttendeeException("interrupted while waiting for the LLM", e);
        } catch (CancellationException e) {
            throw new AttendeeException("LLM batch cancelled", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new AttendeeException(String.valueOf(e.getCause()), e.getCause());
        }
    }

    /** One batch: asks, checks, asks again for what is missing, then falls back. */
    private List<Checkpoint.Entry> batch(long start, int n) {
        batches.incrementAndGet();
        List<Attendee> base = offline.generate(start, start + n);
        List<Checkpoint.Entry> accepted = new ArrayList<>(n);
        String problem = null;
        for (int attempt = 1; attempt <= settings.batchAttempts() && accepted.size() < n; attempt++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new AttendeeException("interrupted");
            }
            if (attempt > 1) {
                reasks.incrementAndGet();
            }
            int need = n - accepted.size();
            LlmClient.Reply reply;
            try {
                reply = client.ask(Prompts.RECORD_SYSTEM, Prompts.recordUser(options, need, registry), schema,
                        Math.min(16_000, 512 + 220 * need), settings.temperature());
            } catch (ProviderException e) {
                if (!e.retriable()) {
                    throw e;
                }
                problem = e.getMessage();
                break;
            }
            JsonExtractor.Extracted found = JsonExtractor.records(reply.text());
            if (found.problem() != null) {
                reject(found.records().isEmpty() ? "unreadable reply" : "truncated reply");
                problem = found.problem();
            }
            for (var node : found.records()) {
                if (accepted.size() == n) {
                    extra.incrementAndGet();
                    continue;
                }
                long index = start + accepted.size();
                LocalDateTime created = base.get((int) (index - start)).createdAt();
                RecordChecker.Outcome outcome = checker.check(node, index, created);
                if (!outcome.ok()) {
                    reject(outcome.rejection());
                    problem = outcome.rejection();
                    continue;
                }
                if (!registry.claim(outcome.attendee(), outcome.corporateDomain())) {
                    reject("duplicate");
                    continue;
                }
                if (!outcome.repairs().isEmpty()) {
                    repaired.incrementAndGet();
                }
                accepted.add(new Checkpoint.Entry(index, origin, outcome.attendee()));
            }
            LOG.debug("batch {}..{}: {} of {} accepted after try {}", start + 1, start + n, accepted.size(), n, attempt);
        }
        if (Thread.currentThread().isInterrupted()) {
            // Cancelled (another batch failed for good, or the run was stopped): nothing to keep.
            throw new AttendeeException("interrupted");
        }
        if (accepted.size() < n) {
            if (!settings.fallbackToOffline()) {
                throw new ProviderException(settings.describe() + " gave " + accepted.size() + " of " + n
                        + " good records for ids " + (start + 1) + ".." + (start + n) + " after " + settings.batchAttempts()
                        + " tries: " + Escape.oneLine(problem), true);
            }
            fallbackReason.compareAndSet(null, problem);
            for (long index = start + accepted.size(); index < start + n; index++) {
                accepted.add(new Checkpoint.Entry(index, "offline", fallback(index)));
            }
        }
        long llm = accepted.stream().filter(e -> e.origin().equals(origin)).count();
        count(origin, llm);
        count("offline", n - llm);
        if (checkpoint != null) {
            checkpoint.append(accepted);
        }
        return accepted;
    }

    private Attendee fallback(long index) {
        for (long k = 0; ; k++) {
            long at = index + k * STRIDE;
            Attendee a = offline.generate(at, at + 1).get(0);
            if (registry.claim(a, Vocabulary.corporateDomain(a))) {
                return a.withId(index + 1);
            }
        }
    }

    private void reject(String reason) {
        String kind = reason.startsWith("duplicate") || reason.contains("reply") ? reason
                : reason.split(" ", 2)[0].replace("'", "");
        synchronized (rejections) {
            rejections.merge(kind, 1L, Long::sum);
        }
        LOG.debug("rejected a record: {}", Escape.oneLine(reason));
    }

    private void count(String from, long n) {
        synchronized (origins) {
            origins.merge(from, n, Long::sum);
        }
    }

    /** Records by origin (only when the offline engine filled some), and notes on calls, rejections and cost. */
    public ProviderReport report() {
        Map<String, Long> by;
        synchronized (origins) {
            by = new LinkedHashMap<>(origins);
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "llm: %s, %,d calls for %,d batches (%,d retries, %,d asked again), %,d records repaired",
                settings.describe(), client.calls(), batches.get(), client.retries(), reasks.get(), repaired.get()));
        Map<String, Long> rejected;
        synchronized (rejections) {
            rejected = new TreeMap<>(rejections);
        }
        if (!rejected.isEmpty() || extra.get() > 0) {
            List<String> parts = new ArrayList<>();
            rejected.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%s %,d", Escape.oneLine(k), v)));
            if (extra.get() > 0) {
                parts.add(String.format(Locale.ROOT, "%,d extra dropped", extra.get()));
            }
            notes.add("llm: records redone: " + String.join(", ", parts));
        }
        notes.add(client.usageNote());
        if (reused > 0) {
            notes.add(String.format(Locale.ROOT, "resumed: %,d records reused from the checkpoint %s", reused, checkpoint.file()));
        }
        if (checkpoint != null && checkpoint.replacedOther()) {
            notes.add("a checkpoint made with other options was replaced: " + checkpoint.file());
        }
        by.values().removeIf(v -> v == 0);
        if (by.getOrDefault("offline", 0L) > 0) {
            notes.add("offline engine filled " + by.get("offline") + " records: " + Escape.oneLine(fallbackReason.get()));
            return new ProviderReport(by, notes);
        }
        return new ProviderReport(Map.of(), notes);
    }

    /** The run's output is complete: the checkpoint is no longer needed. */
    public void complete() {
        if (checkpoint != null) {
            checkpoint.delete();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        if (checkpoint != null) {
            checkpoint.close();
        }
        offline.close();
    }
}
