package dev.attendees.llm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.llm.LlmProvider;
import dev.attendees.profile.EventProfile;
import dev.attendees.profile.EventProfiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A local stand-in for an LLM provider, on OkHttp's MockWebServer: it speaks OpenAI's chat
 * completions ({@code /v1/chat/completions}), Anthropic's messages ({@code /v1/messages}) and
 * Ollama's chat ({@code /api/chat}), with a configurable latency and a {@link FaultPlan}.
 *
 * <p>It answers plausibly, so that the pipeline's checks are really exercised: records come from
 * the offline engine for the event, dates, hours, catalogue and booths the prompt names (every
 * answer continues where the last stopped, so answers never repeat unless a fault says so), then
 * are corrupted as the fault plan says; a profile request gets a built-in profile rewritten into the
 * designer's schema. It counts calls and tokens, and checks the API key when given one.
 *
 * <p>With {@link Builder#echoKey()} it quotes the key each call carried back, as careless servers
 * and proxies do: error bodies (400, 401, 429, 500, 503) quote it as OpenAI does
 * ({@code Incorrect API key provided: sk-qa-SEC****cdef}) and whole, every answer carries it in
 * {@code X-Echo-Authorization} and {@code X-Echo-Key} headers, and good answers put it into the
 * content (a record's job title, the profile's name), whole and in JSON unicode escapes.
 *
 * <p>Shipped in the test-jar of {@code attendee-llm} for this module's tests, the CLI's tests and
 * the JMH benchmarks; not part of the library.
 *
 * <pre>{@code
 * try (FakeLlmServer server = FakeLlmServer.builder().latency(Duration.ofMillis(50))
 *         .faults(FaultPlan.sequence(Fault.RATE_LIMITED, Fault.TRUNCATED)).apiKey("sk-test").start()) {
 *     LlmSettings settings = LlmSettings.builder().provider(LlmProvider.OPENAI)
 *             .baseUrl(server.baseUrl(LlmProvider.OPENAI)).apiKey("sk-test").build();
 *     ...
 *     server.calls();   // how many requests arrived
 * }
 * }</pre>
 */
public final class FakeLlmServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COUNT = Pattern.compile("Write exactly (\\d+) new attendees");
    private static final Pattern LINE = Pattern.compile("^([A-Za-z ]+): (.*)$", Pattern.MULTILINE);
    /** Where the content quotes the key in echo mode: in JSON escapes, and as it is. */
    private static final String ECHO_ESCAPED = "ECHO-KEY-ESCAPED";
    private static final String ECHO_PLAIN = "ECHO-KEY-PLAIN";

    /** One request as it arrived. */
    public record Call(int number, String path, Map<String, String> headers, String body, Fault fault, long startedNanos) {}

    private final MockWebServer server = new MockWebServer();
    private final Duration latency;
    private final Duration slowDelay;
    private final Duration retryAfter;
    private final FaultPlan faults;
    private final String apiKey;
    private final boolean echoKey;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong inputTokens = new AtomicLong();
    private final AtomicLong outputTokens = new AtomicLong();
    private final List<Call> log = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> given = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AttendeeGenerator> generators = new ConcurrentHashMap<>();
    private final int gather;
    private final Object gate = new Object();
    private int inFlight;
    private int maxInFlight;
    private int held;
    private long wave;

    private FakeLlmServer(Builder b) {
        this.latency = b.latency;
        this.slowDelay = b.slowDelay;
        this.retryAfter = b.retryAfter;
        this.faults = b.faults;
        this.apiKey = b.apiKey;
        this.echoKey = b.echoKey;
        this.gather = b.gather;
    }

    /** A builder: no latency, no faults, any key. */
    public static Builder builder() {
        return new Builder();
    }

    /** The base URL to give {@code LlmSettings} for a provider's protocol. */
    public String baseUrl(LlmProvider provider) {
        String root = server.url("/").toString();
        root = root.substring(0, root.length() - 1);
        return provider == LlmProvider.OLLAMA ? root : root + "/v1";
    }

    /** Requests that arrived so far. */
    public int calls() {
        return calls.get();
    }

    /** The requests that arrived, in order of arrival. */
    public List<Call> log() {
        return List.copyOf(log);
    }

    /** Input tokens the fake reported in its usage fields. */
    public long inputTokens() {
        return inputTokens.get();
    }

    /** Output tokens the fake reported. */
    public long outputTokens() {
        return outputTokens.get();
    }

    @Override
    public void close() {
        server.close();
    }

    private FakeLlmServer start() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        try {
            server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The most calls that were being answered at once (tracked with {@link Builder#gather}). */
    public int maxInFlight() {
        synchronized (gate) {
            return maxInFlight;
        }
    }

    private MockResponse answer(RecordedRequest request) {
        if (gather <= 0) {
            return respond(request);
        }
        synchronized (gate) {
            inFlight++;
            maxInFlight = Math.max(maxInFlight, inFlight);
            long myWave = wave;
            if (++held >= gather) {
                held = 0;
                wave++;
                gate.notifyAll();
            } else {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                try {
                    for (long left = deadline - System.nanoTime(); wave == myWave && left > 0; left = deadline - System.nanoTime()) {
                        TimeUnit.NANOSECONDS.timedWait(gate, left);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (wave == myWave) {
                    held--; // gave up waiting: answer alone
                }
            }
        }
        try {
            return respond(request);
        } finally {
            synchronized (gate) {
                inFlight--;
            }
        }
    }

    private MockResponse respond(RecordedRequest request) {
        int number = calls.getAndIncrement();
        Fault fault = faults.faultOf(number);
        String path = request.getUrl().encodedPath();
        String body = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        request.getHeaders().forEach(p -> headers.put(p.getFirst().toLowerCase(java.util.Locale.ROOT), p.getSecond()));
        log.add(new Call(number, path, headers, body, fault, System.nanoTime()));
        MockResponse.Builder response = new MockResponse.Builder().addHeader("Content-Type", "application/json");
        if (!latency.isZero()) {
            response.headersDelay(latency.toMillis(), TimeUnit.MILLISECONDS);
        }
        boolean anthropic = path.endsWith("/messages");
        boolean ollama = path.endsWith("/api/chat");
        String given = anthropic ? headers.get("x-api-key") : headers.getOrDefault("authorization", "").replaceFirst("^Bearer ", "");
        if (apiKey != null && !ollama && !apiKey.equals(given)) {
            fault = Fault.UNAUTHORIZED;
        }
        String echo = echoKey && given != null && !given.isEmpty() ? given : null;
        if (echo != null) {
            response.addHeader("X-Echo-Authorization", headers.getOrDefault("authorization", "Bearer " + echo))
                    .addHeader("X-Echo-Key", echo);
        }
        switch (fault) {
            case RATE_LIMITED:
                return response.code(429).addHeader("Retry-After", retryAfterText())
                        .body(error("Rate limit reached", "rate_limit_exceeded", echo)).build();
            case SERVER_ERROR:
                return response.code(500).body(error("internal error", "server_error", echo)).build();
            case UNAVAILABLE:
                return response.code(503).addHeader("Retry-After", retryAfterText()).body(error("overloaded", "server_error", echo)).build();
            case UNAUTHORIZED:
                return response.code(401).body(error("Incorrect API key provided", "invalid_request_error", echo)).build();
            case BAD_REQUEST:
                return response.code(400).body(error("Invalid request: response_format is not supported", "invalid_request_error", echo))
                        .build();
            case SLOW:
                response.headersDelay(slowDelay.toMillis(), TimeUnit.MILLISECONDS);
                break;
            default:
                break;
        }
        String prompt;
        try {
            prompt = promptText(JSON.readTree(body));
        } catch (IOException e) {
            return response.code(400).body("{\"error\":{\"message\":\"bad JSON\"}}").build();
        }
        String content = prompt.contains("Design the attendee profile") ? profile(prompt, fault) : records(prompt, fault);
        if (echo != null) {
            content = content.replace(ECHO_ESCAPED, escaped(echo)).replace(ECHO_PLAIN, echo);
        }
        long in = Math.max(1, body.length() / 4);
        long out = Math.max(1, content.length() / 4);
        inputTokens.addAndGet(in);
        outputTokens.addAndGet(out);
        return response.code(200).body(envelope(anthropic, ollama, content, in, out)).build();
    }

    /** An OpenAI-style error body; with {@code echo}, quoting that key in part (as OpenAI does) and whole. */
    private static String error(String message, String type, String echo) {
        String text = echo == null ? message : message + ": " + quote(echo) + " (you sent '" + echo + "')";
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("message", text).put("type", type);
        return root.toString();
    }

    /** A key as OpenAI quotes it: its first nine and last four characters, stars between. */
    static String quote(String key) {
        return key.length() <= 13 ? "*".repeat(key.length()) : key.substring(0, 9) + "*".repeat(key.length() - 13) + key.substring(key.length() - 4);
    }

    /** Every character as a JSON unicode escape: the key as it stands in the content's JSON text. */
    private static String escaped(String key) {
        StringBuilder sb = new StringBuilder();
        key.chars().forEach(c -> sb.append(String.format("\\u%04x", c)));
        return sb.toString();
    }

    private String retryAfterText() {
        long ms = retryAfter.toMillis();
        return ms % 1000 == 0 ? String.valueOf(ms / 1000) : String.valueOf(ms / 1000.0);
    }

    private static String promptText(JsonNode body) {
        StringBuilder sb = new StringBuilder();
        JsonNode system = body.get("system");
        if (system != null) {
            sb.append(system.isTextual() ? system.asText() : collect(system)).append('\n');
        }
        for (JsonNode m : body.path("messages")) {
            JsonNode c = m.get("content");
            sb.append(c == null ? "" : c.isTextual() ? c.asText() : collect(c)).append('\n');
        }
        return sb.toString();
    }

    private static String collect(JsonNode blocks) {
        StringBuilder sb = new StringBuilder();
        blocks.forEach(b -> sb.append(b.path("text").asText("")).append('\n'));
        return sb.toString();
    }

    private String envelope(boolean anthropic, boolean ollama, String content, long in, long out) {
        ObjectNode root = JSON.createObjectNode();
        if (anthropic) {
            root.put("id", "msg_fake").put("type", "message").put("role", "assistant").put("model", "fake")
                    .put("stop_reason", "end_turn");
            root.putArray("content").addObject().put("type", "text").put("text", content);
            root.putObject("usage").put("input_tokens", in).put("output_tokens", out);
        } else if (ollama) {
            root.put("model", "fake").put("created_at", "2026-01-01T00:00:00Z").put("done", true).put("done_reason", "stop")
                    .put("prompt_eval_count", in).put("eval_count", out);
            root.putObject("message").put("role", "assistant").put("content", content);
        } else {
            root.put("id", "chatcmpl-fake").put("object", "chat.completion").put("created", 0).put("model", "fake");
            ObjectNode choice = root.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", content);
            root.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
        }
        return root.toString();
    }

    // ---- records ----

    private String records(String prompt, Fault fault) {
        Map<String, String> lines = new java.util.HashMap<>();
        Matcher m = LINE.matcher(prompt);
        while (m.find()) {
            lines.putIfAbsent(m.group(1), m.group(2));
        }
        Matcher c = COUNT.matcher(prompt);
        int asked = c.find() ? Integer.parseInt(c.group(1)) : 20;
        int n = switch (fault) {
            case TOO_FEW -> Math.max(1, asked / 2);
            case TOO_MANY -> asked + 5;
            default -> asked;
        };
        List<String> catalogue = split(lines.get("Interest catalogue"));
        List<String> booths = split(lines.get("Booths")).stream().map(b -> b.replaceFirst(" \\(.*\\)$", "")).toList();
        String event = lines.getOrDefault("Event", "Fake Event");
        String[] dates = lines.getOrDefault("Dates", "").split(" to ");
        String[] hours = lines.getOrDefault("Daily hours", "").split(" to ");
        boolean undeliverable = lines.containsKey("Email domains");
        String key = event + "|" + String.join(",", dates) + "|" + String.join(",", hours) + "|" + undeliverable;
        AttendeeGenerator generator = generators.computeIfAbsent(key, k -> {
            AttendeeGenerator.Builder b = AttendeeGenerator.builder().event(event).seed(event.hashCode()).undeliverableEmails(undeliverable);
            if (dates.length == 2) {
                b.dates(LocalDate.parse(dates[0].strip()), LocalDate.parse(dates[1].strip()));
            }
            if (hours.length == 2) {
                b.dailyHours(LocalTime.parse(hours[0].strip()), LocalTime.parse(hours[1].strip()));
            }
            return b.build();
        });
        ArrayNode out = JSON.createArrayNode();
        if (fault == Fault.DUPLICATES && !given.isEmpty()) {
            synchronized (given) {
                for (int i = 0; i < n; i++) {
                    out.add(given.get(i % given.size()).deepCopy());
                }
            }
        } else {
            long from = served.getAndAdd(n);
            List<Attendee> made = generator.slice(from, from + n);
            for (int i = 0; i < made.size(); i++) {
                ObjectNode r = record(made.get(i), catalogue, booths);
                corrupt(r, fault, i);
                if (echoKey && i < 2) {
                    r.put("job_title", r.get("job_title").asText() + " " + (i == 0 ? ECHO_ESCAPED : ECHO_PLAIN));
                }
                out.add(r);
                if (fault == Fault.NONE) {
                    given.add(r);
                }
            }
        }
        ObjectNode doc = JSON.createObjectNode();
        doc.set("attendees", out);
        String json = doc.toPrettyString();
        return switch (fault) {
            case TRUNCATED -> json.substring(0, json.length() * 2 / 3);
            case PROSE -> "Sure! Here are the attendees you asked for:\n\n```json\n" + json + "\n```\n\nLet me know if you need more.";
            case GARBAGE -> "I'm sorry, I can't help with generating personal data.";
            default -> json;
        };
    }

    private static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(text.split(" \\| "));
    }

    private static ObjectNode record(Attendee a, List<String> catalogue, List<String> booths) {
        ObjectNode r = JSON.createObjectNode();
        r.put("name", a.name()).put("email", a.email()).put("company", a.company()).put("job_title", a.jobTitle())
                .put("industry", a.industry().label()).put("company_size", a.companySize().label())
                .put("attendance_time", Attendee.formatTimestamp(a.attendanceTime()));
        ArrayNode interests = r.putArray("product_interests");
        a.productInterests().stream().map(i -> onto(i, catalogue)).distinct().forEach(interests::add);
        ArrayNode visited = r.putArray("booth_visited");
        if (!booths.isEmpty()) {
            a.boothVisited().stream().map(b -> onto(b, booths)).distinct().forEach(visited::add);
        }
        return r;
    }

    /** The item itself when the list has it, else one of the list chosen by the item's hash. */
    private static String onto(String item, List<String> list) {
        if (list.isEmpty() || list.contains(item)) {
            return item;
        }
        return list.get(Math.floorMod(item.hashCode(), list.size()));
    }

    private static void corrupt(ObjectNode r, Fault fault, int i) {
        switch (fault) {
            case WRONG_ENUMS -> {
                r.put("industry", switch (r.get("industry").asText()) {
                    case "Technology" -> "Tech";
                    case "Financial Services" -> "Banking";
                    case "Healthcare" -> "Health care";
                    default -> r.get("industry").asText().toUpperCase(java.util.Locale.ROOT);
                });
                r.put("company_size", switch (r.get("company_size").asText()) {
                    case "Enterprise" -> "Large Enterprise";
                    case "Startup" -> "start-up";
                    case "SMB" -> "51-500 employees";
                    default -> "mid-size";
                });
            }
            case UNMAPPABLE_ENUMS -> {
                if (i % 2 == 0) {
                    r.put("industry", "Interplanetary Mining");
                }
            }
            case BAD_RECORDS -> {
                switch (i % 3) {
                    case 0 -> r.put("email", r.get("email").asText().replace("@", " at "));
                    case 1 -> r.put("attendance_time", "1999-01-01 03:00:00");
                    default -> {
                        r.putArray("product_interests").add("Underwater Basket Weaving");
                    }
                }
            }
            default -> {}
        }
    }

    // ---- profiles ----

    private String profile(String prompt, Fault fault) {
        Matcher m = Pattern.compile("Event: (.*)").matcher(prompt);
        String event = m.find() ? m.group(1).strip() : "Fake Event";
        EventProfile p = EventProfiles.builtIn(EventProfiles.inferId(event).orElse(EventProfiles.DEFAULT_ID));
        ObjectNode d = JSON.createObjectNode();
        d.put("display_name", "Designed for " + event + (echoKey ? " by " + ECHO_ESCAPED + " and " + ECHO_PLAIN : ""));
        d.putObject("default_dates").put("from", p.defaultDates().from().toString()).put("to", p.defaultDates().to().toString());
        d.putObject("daily_hours").put("open", p.dailyHours().open().toString()).put("close", p.dailyHours().close().toString());
        ArrayNode arrival = d.putArray("arrival_curve");
        p.arrivalCurve().forEach((slot, w) -> arrival.addObject().put("slot", slot).put("weight", w));
        ArrayNode days = d.putArray("day_weights");
        p.dayWeights().forEach(days::add);
        ArrayNode industries = d.putArray("industries");
        p.industries().forEach((label, w) -> industries.addObject()
                .put("industry", fault == Fault.WRONG_ENUMS && label.equals("Technology") ? "Tech" : label).put("weight", w));
        ArrayNode sizes = d.putArray("size_shares");
        p.attendeeShareBySize().forEach((label, w) -> sizes.addObject().put("size", label).put("weight", w));
        ArrayNode interests = d.putArray("interests");
        p.interests().forEach(i -> interests.addObject().put("name", i.name()).put("weight", i.weight()));
        ArrayNode per = d.putArray("interests_per_attendee");
        p.interestsPerAttendee().forEach((k, w) -> per.addObject().put("count", Integer.parseInt(k)).put("weight", w));
        ArrayNode roles = d.putArray("roles");
        if (fault != Fault.BAD_RECORDS) {
            for (EventProfile.Role role : p.roles()) {
                ObjectNode r = roles.addObject().put("function", role.function()).put("weight", role.weight());
                ArrayNode ri = r.putArray("interests");
                role.interests().keySet().stream().sorted().forEach(ri::add);
                ArrayNode rb = r.putArray("industries");
                role.industryBias().keySet().stream().sorted().forEach(rb::add);
                ArrayNode titles = r.putArray("titles");
                role.titles().forEach(t -> titles.addObject().put("title", t.title()).put("level", t.level().id()).put("weight", t.weight()));
            }
        }
        ArrayNode booths = d.putArray("booths");
        p.booths().forEach(b -> {
            ObjectNode o = booths.addObject().put("name", b.name());
            b.categories().forEach(o.putArray("categories")::add);
        });
        ArrayNode visited = d.putArray("booths_visited");
        p.boothsVisited().forEach((k, w) -> visited.addObject().put("count", Integer.parseInt(k)).put("weight", w));
        ArrayNode companies = d.putArray("companies");
        p.companies().stream().limit(60).forEach(c -> companies.addObject().put("name", c.name()).put("domain", c.domain())
                .put("industry", c.industry()).put("size", c.size()).put("email_pattern", c.emailPattern() == null ? "first.last" : c.emailPattern()));
        String json = d.toPrettyString();
        return switch (fault) {
            case TRUNCATED -> json.substring(0, json.length() / 2);
            case PROSE -> "Here is the profile:\n```json\n" + json + "\n```";
            case GARBAGE -> "I cannot design that.";
            default -> json;
        };
    }

    /** Configures a {@link FakeLlmServer}. */
    public static final class Builder {
        private Duration latency = Duration.ZERO;
        private Duration slowDelay = Duration.ofSeconds(5);
        private Duration retryAfter = Duration.ofSeconds(1);
        private FaultPlan faults = FaultPlan.none();
        private String apiKey;
        private boolean echoKey;
        private int gather;

        private Builder() {}

        /** How long every answer takes; none by default. */
        public Builder latency(Duration value) {
            this.latency = value;
            return this;
        }

        /** How long a {@link Fault#SLOW} answer takes: longer than the client's timeout; 5 s by default. */
        public Builder slowDelay(Duration value) {
            this.slowDelay = value;
            return this;
        }

        /** The {@code Retry-After} of 429 and 503 answers; 1 s by default. */
        public Builder retryAfter(Duration value) {
            this.retryAfter = value;
            return this;
        }

        /** Which faults on which calls; none by default. */
        public Builder faults(FaultPlan plan) {
            this.faults = plan;
            return this;
        }

        /** The key every call must carry (401 otherwise); any by default. */
        public Builder apiKey(String key) {
            this.apiKey = key;
            return this;
        }

        /**
         * Quotes the key each call carried back: in error bodies (in part, as OpenAI does, and
         * whole), in {@code X-Echo-*} headers of every answer, and in good answers' content. Off by
         * default.
         */
        public Builder echoKey() {
            this.echoKey = true;
            return this;
        }

        /**
         * Holds every call until {@code calls} calls are held together (or 30 s pass), then answers
         * them all: a client that keeps {@code calls} calls in flight proceeds in waves, and
         * {@link #maxInFlight()} shows the most that were ever in flight at once. Off by default.
         */
        public Builder gather(int calls) {
            this.gather = calls;
            return this;
        }

        /** Starts the server on a free loopback port. */
        public FakeLlmServer start() {
            return new FakeLlmServer(this).start();
        }
    }
}
