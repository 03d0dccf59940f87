package dev.attendees;

import dev.attendees.internal.Locales;
import dev.attendees.internal.OfflineEngine;
import dev.attendees.profile.EventProfile;
import dev.attendees.profile.EventProfiles;
import dev.attendees.spi.AttendeeSink;
import dev.attendees.spi.EncodingAttendeeSink;
import dev.attendees.spi.ImageProvider;
import dev.attendees.spi.ProviderReport;
import dev.attendees.spi.RecordSource;
import dev.attendees.spi.RecordSourceFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Makes believable, correlated event attendees. Immutable and thread-safe once built; attendee
 * {@code i} is a pure function of (options, seed, {@code i}) for the default offline source, so
 * the same seed gives the same attendees on every machine, any slice equals the same range of the
 * whole, and large runs use every core.
 *
 * <pre>{@code
 * AttendeeGenerator generator = AttendeeGenerator.builder()
 *         .event("KubeCon Europe 2026")      // infers the cloud-native event type
 *         .seed(42)
 *         .corporateRatio(0.75)
 *         .locale("international")
 *         .build();
 *
 * List<Attendee> attendees = generator.generate(1_000);
 * List<Attendee> page = generator.slice(500, 600);     // equals attendees.subList(500, 600)
 * generator.stream().filter(a -> a.industry() == Industry.HEALTHCARE).limit(10).toList();
 * }</pre>
 */
public final class AttendeeGenerator {

    /**
     * The version of the generated data. Bumped, on purpose and with a changelog entry
     * ({@code docs/CHANGELOG.md}), whenever a release changes which attendees a seed gives; the
     * golden-file tests fail until it is.
     */
    public static final int DATA_VERSION = 2;

    /** The share of corporate addresses when none is given: {@value}. */
    public static final double DEFAULT_CORPORATE_RATIO = 0.7;

    /** The locale when none is given: {@value}. */
    public static final String DEFAULT_LOCALE = "en-US";

    /** Batch size of parallel generation and writing: {@value}. */
    public static final int BATCH_SIZE = 4096;

    /** The largest count one run may ask for: {@value}. */
    public static final long MAX_COUNT = 1_000_000_000_000L;

    /** Runs shorter than this are made on the calling thread: {@value}. */
    public static final int PARALLEL_THRESHOLD = 20_000;

    private static final RecordSourceFactory OFFLINE = OfflineEngine::new;

    private final GenerationOptions options;
    private final RecordSource source;
    private final OfflineEngine offline;
    private final ImageProvider imageProvider;
    private final Path outputDirectory;
    private final int threads;
    private final Builder builder;

    private AttendeeGenerator(Builder b, GenerationOptions options) {
        this.builder = b.copy();
        this.builder.seed = options.seed();
        this.options = options;
        this.source = Objects.requireNonNull(b.sourceFactory.create(options), "the record source factory returned null");
        this.offline = source instanceof OfflineEngine engine ? engine : null;
        this.imageProvider = b.imageProvider;
        this.outputDirectory = b.outputDirectory;
        this.threads = b.threads;
    }

    /** A builder with every default: offline, {@code cloud-native}, a random seed. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this generator's settings, to derive a variant. */
    public Builder toBuilder() {
        return builder.copy();
    }

    /** The resolved options (seed, event, profile, dates, locales ...). */
    public GenerationOptions options() {
        return options;
    }

    /** The seed; when none was given, the random one chosen at build time. */
    public long seed() {
        return options.seed();
    }

    /** The event type (profile id). */
    public String eventType() {
        return options.profile().id();
    }

    /** The record source. */
    public RecordSource source() {
        return source;
    }

    /** Attendee {@code index} (0-based; its id is {@code index + 1}). */
    public Attendee attendee(long index) {
        if (index < 0) {
            throw new ConfigurationException("index must be >= 0, was " + index);
        }
        return withImage(offline != null ? offline.attendee(index) : source.generate(index, index + 1).get(0));
    }

    /**
     * The first {@code count} attendees, ids 1..count. Large counts are made on all cores.
     *
     * @throws ConfigurationException when count is not positive
     */
    public List<Attendee> generate(int count) {
        checkCount(count);
        return slice(0, count);
    }

    /**
     * Attendees with 0-based indices {@code [from, to)}: the same attendees as that range of any
     * longer run with the same options.
     */
    public List<Attendee> slice(long from, long to) {
        if (from < 0 || to < from) {
            throw new ConfigurationException("slice needs 0 <= from <= to, was from " + from + ", to " + to);
        }
        if (to - from > Integer.MAX_VALUE - 8) {
            throw new ConfigurationException("slice of " + (to - from) + " attendees does not fit a list; use stream() or writeTo()");
        }
        int n = (int) (to - from);
        if (!source.pure() || n < PARALLEL_THRESHOLD || threads == 1) {
            return withImages(source.generate(from, to));
        }
        Attendee[] out = new Attendee[n];
        int batches = (n + BATCH_SIZE - 1) / BATCH_SIZE;
        LongStream.range(0, batches).parallel().forEach(b -> {
            long start = from + b * BATCH_SIZE;
            long end = Math.min(to, start + BATCH_SIZE);
            List<Attendee> batch = withImages(source.generate(start, end));
            for (int i = 0; i < batch.size(); i++) {
                out[(int) (start - from) + i] = batch.get(i);
            }
        });
        return Arrays.asList(out);
    }

    /** An endless, lazy stream of attendees from id 1; limit it. Parallel-capable for pure sources. */
    public Stream<Attendee> stream() {
        return lazy(Long.MAX_VALUE);
    }

    /** A lazy stream of the first {@code count} attendees. */
    public Stream<Attendee> stream(long count) {
        checkCount(count);
        return lazy(count);
    }

    private Stream<Attendee> lazy(long count) {
        if (offline != null) {
            return LongStream.range(0, count).mapToObj(this::attendee);
        }
        long batches = count / BATCH_SIZE + (count % BATCH_SIZE == 0 ? 0 : 1);
        return LongStream.range(0, batches).sequential()
                .mapToObj(b -> withImages(source.generate(b * BATCH_SIZE, Math.min(count, (b + 1) * BATCH_SIZE))))
                .flatMap(List::stream);
    }

    /**
     * Writes the first {@code count} attendees into {@code sink} and commits it. Batches are made
     * (and encoded, for file sinks) on all cores and written in order, in constant memory.
     */
    public GenerationSummary writeTo(AttendeeSink sink, long count) {
        return writeTo(sink, count, done -> {});
    }

    /**
     * Like {@link #writeTo(AttendeeSink, long)}, reporting the number written so far after each
     * batch.
     */
    public GenerationSummary writeTo(AttendeeSink sink, long count, LongConsumer progress) {
        checkCount(count);
        long started = System.nanoTime();
        long batches = count / BATCH_SIZE + (count % BATCH_SIZE == 0 ? 0 : 1);
        EncodingAttendeeSink encoding = sink instanceof EncodingAttendeeSink e ? e : null;
        if (!source.pure() || count < PARALLEL_THRESHOLD || threads == 1) {
            for (long b = 0; b < batches; b++) {
                long to = Math.min(count, (b + 1) * BATCH_SIZE);
                sink.write(withImages(source.generate(b * BATCH_SIZE, to)));
                progress.accept(to);
            }
        } else {
            writeParallel(sink, encoding, count, batches, progress);
        }
        sink.commit();
        ProviderReport records = source.report();
        ProviderReport images = imageProvider == null ? ProviderReport.EMPTY : imageProvider.report();
        List<String> notes = new ArrayList<>(records.notes());
        notes.addAll(images.notes());
        return new GenerationSummary(count, source.name(), options.seed(), options.profile().id(), DATA_VERSION,
                Duration.ofNanos(System.nanoTime() - started), records.origins(), images.origins(), notes);
    }

    private void writeParallel(AttendeeSink sink, EncodingAttendeeSink encoding, long count, long batches,
            LongConsumer progress) {
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "attendees-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<Object>> inFlight = new ArrayDeque<>();
            long next = 0;
            long written = 0;
            int window = threads * 3;
            while (written < batches) {
                while (next < batches && inFlight.size() < window) {
                    long from = next * BATCH_SIZE;
                    long to = Math.min(count, from + BATCH_SIZE);
                    inFlight.add(pool.submit(() -> {
                        List<Attendee> batch = withImages(source.generate(from, to));
                        return encoding != null ? encoding.encode(batch) : batch;
                    }));
                    next++;
                }
                Object done = await(inFlight.poll());
                if (encoding != null) {
                    encoding.writeEncoded((byte[]) done);
                } else {
                    @SuppressWarnings("unchecked")
                    List<Attendee> batch = (List<Attendee>) done;
                    sink.write(batch);
                }
                written++;
                progress.accept(Math.min(count, written * BATCH_SIZE));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Object await(Future<Object> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AttendeeException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new AttendeeException(e.getCause().toString(), e.getCause());
        }
    }

    private List<Attendee> withImages(List<Attendee> batch) {
        if (imageProvider == null) {
            return batch;
        }
        List<String> paths = imageProvider.imagesFor(batch, outputDirectory);
        if (paths.size() != batch.size()) {
            throw new IllegalStateException("image provider " + imageProvider.name() + " gave " + paths.size()
                    + " paths for " + batch.size() + " attendees");
        }
        List<Attendee> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            out.add(batch.get(i).withImagePath(paths.get(i)));
        }
        return out;
    }

    private Attendee withImage(Attendee a) {
        return imageProvider == null ? a : a.withImagePath(imageProvider.imageFor(a, outputDirectory));
    }

    private static void checkCount(long count) {
        if (count < 1) {
            throw new ConfigurationException("count must be at least 1, was " + count);
        }
        if (count > MAX_COUNT) {
            throw new ConfigurationException("count must be at most " + MAX_COUNT + ", was " + count);
        }
    }

    /**
     * Configures an {@link AttendeeGenerator}. Setters check their argument at once; {@link #build()}
     * checks the combination. Every option has a default.
     */
    public static final class Builder {
        private String eventName;
        private String eventType;
        private EventProfile profile;
        private Long seed;
        private double corporateRatio = DEFAULT_CORPORATE_RATIO;
        private List<String> interests = List.of();
        private List<String> booths = List.of();
        /** The earliest first day: registrations (up to 150 days before it) still fall in year 1. */
        private static final LocalDate FIRST_DAY = LocalDate.of(1, 6, 1);

        /** The latest last day: the contract's timestamps have four-digit years. */
        private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

        private LocalDate from;
        private LocalDate to;
        private LocalTime dailyOpen;
        private LocalTime dailyClose;
        private Map<String, Double> locales = Map.of(DEFAULT_LOCALE, 1.0);
        private boolean undeliverableEmails;
        private RecordSourceFactory sourceFactory = OFFLINE;
        private ImageProvider imageProvider;
        private Path outputDirectory = Path.of(".");
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder() {}

        private Builder copy() {
            Builder b = new Builder();
            b.eventName = eventName;
            b.eventType = eventType;
            b.profile = profile;
            b.seed = seed;
            b.corporateRatio = corporateRatio;
            b.interests = interests;
            b.booths = booths;
            b.from = from;
            b.to = to;
            b.dailyOpen = dailyOpen;
            b.dailyClose = dailyClose;
            b.locales = locales;
            b.undeliverableEmails = undeliverableEmails;
            b.sourceFactory = sourceFactory;
            b.imageProvider = imageProvider;
            b.outputDirectory = outputDirectory;
            b.threads = threads;
            return b;
        }

        /** The event's name; also infers the event type when none is set ("RSA Conference" → security). */
        public Builder event(String name) {
            if (name == null || name.isBlank()) {
                throw new ConfigurationException("event name must not be empty");
            }
            this.eventName = name.strip();
            return this;
        }

        /** A shipped event type: {@code cloud-native} (default), {@code security}, {@code ai-ml}, ... */
        public Builder eventType(String type) {
            EventProfiles.builtIn(type);
            this.eventType = type.trim().toLowerCase(Locale.ROOT);
            return this;
        }

        /** An event profile of your own (see {@code docs/profiles.md}). */
        public Builder profile(EventProfile eventProfile) {
            this.profile = Objects.requireNonNull(eventProfile, "profile").validate(eventProfile.id());
            return this;
        }

        /** An event profile file of your own (JSON, or YAML for {@code .yaml}/{@code .yml}; see {@code docs/profiles.md}). */
        public Builder profile(Path file) {
            return profile(EventProfiles.load(file));
        }

        /** The seed; the same seed and options give the same attendees on any machine. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** The share of corporate addresses, 0..1; the rest are personal (Gmail and the like). */
        public Builder corporateRatio(double ratio) {
            if (!(ratio >= 0 && ratio <= 1)) {
                throw new ConfigurationException("corporate ratio must be between 0 and 1, was " + ratio);
            }
            this.corporateRatio = ratio;
            return this;
        }

        /** Restricts interests to these categories of the event's catalogue (case-insensitive). */
        public Builder interests(String... categories) {
            return interests(List.of(categories));
        }

        /** Restricts interests to these categories of the event's catalogue (case-insensitive). */
        public Builder interests(List<String> categories) {
            this.interests = distinctItems(categories, "interest", true);
            return this;
        }

        /** The booths attendees visit: the event's own booth names, or your own. */
        public Builder booths(String... names) {
            return booths(List.of(names));
        }

        /** The booths attendees visit: the event's own booth names, or your own. */
        public Builder booths(List<String> names) {
            for (String n : names) {
                if (n != null && n.contains(";")) {
                    throw new ConfigurationException("booth name must not contain ';', was '" + n + "'");
                }
            }
            this.booths = distinctItems(names, "booth", true);
            return this;
        }

        /** The items stripped; an empty item or one listed twice (ignoring case) is refused, naming it. */
        private static List<String> distinctItems(List<String> items, String what, boolean ignoreCase) {
            List<String> out = new ArrayList<>(items.size());
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String item : items) {
                if (item == null || item.isBlank()) {
                    throw new ConfigurationException(what + " list '" + String.join(",", items.stream()
                            .map(i -> i == null ? "" : i).toList()) + "' has an empty item");
                }
                String stripped = item.strip();
                if (!seen.add(ignoreCase ? stripped.toLowerCase(Locale.ROOT) : stripped)) {
                    throw new ConfigurationException(what + " '" + stripped + "' is listed twice");
                }
                out.add(stripped);
            }
            return List.copyOf(out);
        }

        /** The event's first and last day, inclusive. */
        public Builder dates(LocalDate first, LocalDate last) {
            this.from = Objects.requireNonNull(first, "from");
            this.to = Objects.requireNonNull(last, "to");
            if (last.isBefore(first)) {
                throw new ConfigurationException("from (" + first + ") is after to (" + last + ")");
            }
            return this;
        }

        /** The event's first day; the last follows from the profile's event length unless set. */
        public Builder from(LocalDate first) {
            this.from = Objects.requireNonNull(first, "from");
            return this;
        }

        /** The event's last day. */
        public Builder to(LocalDate last) {
            this.to = Objects.requireNonNull(last, "to");
            return this;
        }

        /** When doors open and close each day; arrivals fall inside. */
        public Builder dailyHours(LocalTime open, LocalTime close) {
            Objects.requireNonNull(open, "open");
            Objects.requireNonNull(close, "close");
            if (!open.isBefore(close)) {
                throw new ConfigurationException("daily hours: open (" + open + ") must be before close (" + close + ")");
            }
            this.dailyOpen = open;
            this.dailyClose = close;
            return this;
        }

        /**
         * The crowd's locale: a tag ({@code de-DE}), a weighted mix ({@code en-US:3,de-DE,ja-JP}) or
         * {@code international}. Supported: en-US (default), en-GB, de-DE, fr-FR, es-ES, pt-BR,
         * ja-JP, ru-RU.
         */
        public Builder locale(String locale) {
            this.locales = Locales.parseMix(locale);
            return this;
        }

        /** The crowd's locales with weights. */
        public Builder locales(Map<String, Double> mix) {
            if (mix.isEmpty()) {
                throw new ConfigurationException("locales must not be empty");
            }
            Map<String, Double> canonical = new LinkedHashMap<>();
            mix.forEach((tag, w) -> {
                if (w == null || !(w > 0)) {
                    throw new ConfigurationException("locale weight must be positive for " + tag);
                }
                canonical.merge(Locales.canonical(tag), w, Double::sum);
            });
            this.locales = canonical;
            return this;
        }

        /**
         * Makes every address undeliverable: companies' domains under the reserved {@code .test}
         * TLD ({@code acme.io.test}) and personal ones at {@code example.com}, for suites that must
         * never e-mail a real domain.
         */
        public Builder undeliverableEmails(boolean on) {
            this.undeliverableEmails = on;
            return this;
        }

        /** Where records come from: the offline engine by default, an LLM with {@code attendee-llm}. */
        public Builder source(RecordSourceFactory factory) {
            this.sourceFactory = Objects.requireNonNull(factory, "source");
            return this;
        }

        /** Gives attendees images (see {@code attendee-images}); none by default. */
        public Builder imageProvider(ImageProvider provider) {
            this.imageProvider = provider;
            return this;
        }

        /** The folder image paths are relative to; the working directory by default. */
        public Builder outputDirectory(Path directory) {
            this.outputDirectory = Objects.requireNonNull(directory, "outputDirectory");
            return this;
        }

        /** Threads for large runs; all cores by default. Does not change the attendees. */
        public Builder threads(int count) {
            if (count < 1) {
                throw new ConfigurationException("threads must be at least 1, was " + count);
            }
            this.threads = count;
            return this;
        }

        /**
         * Resolves defaults, checks the combination and builds the generator.
         *
         * @throws ConfigurationException naming the option that is wrong
         */
        public AttendeeGenerator build() {
            if (profile != null && eventType != null && !eventType.equals(profile.id())) {
                throw new ConfigurationException("give either an event type (" + eventType
                        + ") or a profile (" + profile.id() + "), not both");
            }
            EventProfile p = profile != null ? profile : EventProfiles.builtIn(eventType != null ? eventType
                    : EventProfiles.inferId(eventName).orElse(EventProfiles.DEFAULT_ID));
            long length = ChronoUnit.DAYS.between(p.defaultDates().from(), p.defaultDates().to());
            List<Integer> nameYears = EventYears.in(eventName);
            LocalDate defaultFrom = p.defaultDates().from();
            if (!nameYears.isEmpty()) {
                // "HIMSS 2027" with no dates: the type's usual days, in 2027.
                defaultFrom = defaultFrom.plusYears(nameYears.get(0) - defaultFrom.getYear());
            }
            LocalDate first = from != null ? from : to != null ? to.minusDays(length) : defaultFrom;
            LocalDate last = to != null ? to : from != null ? from.plusDays(length) : defaultFrom.plusDays(length);
            if (last.isBefore(first)) {
                throw new ConfigurationException("from (" + first + ") is after to (" + last + ")");
            }
            String name;
            if (eventName == null) {
                name = from != null || to != null ? EventYears.withYear(p.defaultEventName(), first.getYear()) : p.defaultEventName();
            } else {
                name = eventName;
                if (!nameYears.isEmpty() && !nameYears.contains(first.getYear()) && !nameYears.contains(last.getYear())) {
                    throw new ConfigurationException("the event name '" + eventName + "' says " + nameYears.get(0)
                            + " but its dates, " + first + " to " + last + ", are in " + first.getYear()
                            + (last.getYear() != first.getYear() ? "-" + last.getYear() : "") + "; give dates in " + nameYears.get(0) + " or a name without a year");
                }
            }
            if (ChronoUnit.DAYS.between(first, last) > 366) {
                throw new ConfigurationException("an event lasts at most a year; from " + first + " to " + last + " is longer");
            }
            if (first.isBefore(FIRST_DAY) || last.isAfter(LAST_DAY)) {
                throw new ConfigurationException("event days must lie between " + FIRST_DAY + " and " + LAST_DAY
                        + " (times are written YYYY-MM-DD HH:MM:SS, and registrations come up to 150 days before the"
                        + " first day); from " + first + " to " + last + " does not");
            }
            LocalTime open = dailyOpen != null ? dailyOpen : p.dailyHours().open();
            LocalTime close = dailyClose != null ? dailyClose : p.dailyHours().close();
            List<String> catalogue = p.interestNames();
            List<String> chosenInterests = interests.isEmpty() ? catalogue : canonical(interests, catalogue, p.id());
            List<String> chosenBooths = booths.isEmpty()
                    ? boothNames(p)
                    : booths.stream().map(b -> p.booths().stream().map(EventProfile.Booth::name)
                            .filter(known -> known.equalsIgnoreCase(b)).findFirst().orElse(b)).distinct().toList();
            long s = seed != null ? seed : ThreadLocalRandom.current().nextLong() >>> 16;
            GenerationOptions options = new GenerationOptions(name, p, s, corporateRatio, chosenInterests,
                    chosenBooths, first, last, open, close, locales, undeliverableEmails);
            return new AttendeeGenerator(this, options);
        }

        private static List<String> boothNames(EventProfile p) {
            List<String> names = new ArrayList<>(p.booths().size());
            for (EventProfile.Booth b : p.booths()) {
                names.add(b.name());
            }
            return List.copyOf(names);
        }

        private static List<String> canonical(List<String> wanted, List<String> catalogue, String type) {
            List<String> out = new ArrayList<>();
            for (String w : wanted) {
                String match = catalogue.stream().filter(c -> c.equalsIgnoreCase(w)).findFirst()
                        .orElseThrow(() -> new ConfigurationException("unknown interest '" + w + "'; the " + type
                                + " catalogue has: " + String.join(", ", catalogue)));
                out.add(match);
            }
            // Keep catalogue order so that joined values are stable.
            return catalogue.stream().filter(out::contains).toList();
        }
    }
}
