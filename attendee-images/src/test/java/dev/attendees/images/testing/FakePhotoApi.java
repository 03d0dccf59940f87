package dev.attendees.images.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.imageio.ImageIO;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.Buffer;

/**
 * Two local HTTP servers standing in for a photo service: {@code api} speaks the service's JSON
 * protocol (pages of fake photos, download tracking; {@link PhotoProtocols} has those of the three
 * services), {@code cdn} serves their images (a real, distinct JPEG per photo). Tests replace
 * answers through {@link #apiFault} and {@link #cdnFault} (return {@code null} to answer normally)
 * and read what arrived from {@link #apiRequests} and {@link #cdnRequests}.
 *
 * <p>Like careless services, it can quote back the key a request carried: {@link #echoingError}
 * answers with an error body that quotes it (in part, as OpenAI does, and whole) and headers that
 * carry it, and with {@link #echoKey} set every API answer carries it in headers and the pages put
 * it into the text the providers keep (Unsplash's photographer names, generated.photos' ids).
 *
 * <p>Shipped in the test-jar of {@code attendee-images} for this module's tests and the CLI's;
 * not part of the library.
 *
 * <pre>{@code
 * try (FakePhotoApi fake = new FakePhotoApi(PhotoProtocols.unsplash())) {
 *     fake.apiFault = FakePhotoApi.echoingError(401);
 *     env.put("UNSPLASH_API_URL", fake.api.url("/").toString());
 *     ...
 * }
 * }</pre>
 */
public final class FakePhotoApi implements AutoCloseable {

    /** How one service's protocol looks: the page path and JSON, and other API paths. */
    public interface Protocol {
        /** Whether {@code path} asks for a page. */
        boolean isPage(String path);

        /** The page's number and size from the request. */
        int[] pageAndSize(HttpUrl url);

        /** A page of photos {@code first..first+count-1} out of {@code total}. */
        String page(int first, int count, long total, FakePhotoApi fake);

        /** Answers other API paths (Unsplash's download tracking), or {@code null} for 404. */
        default MockResponse other(RecordedRequest request) {
            return null;
        }
    }

    /** The service's API. */
    public final MockWebServer api = new MockWebServer();
    /** Where the photos are. */
    public final MockWebServer cdn = new MockWebServer();
    /** The API requests that arrived, in order. */
    public final List<RecordedRequest> apiRequests = new CopyOnWriteArrayList<>();
    /** The CDN requests that arrived, in order. */
    public final List<RecordedRequest> cdnRequests = new CopyOnWriteArrayList<>();
    /** An answer instead of the API's, or {@code null} to answer normally. */
    public volatile Function<RecordedRequest, MockResponse> apiFault = r -> null;
    /** An answer instead of the CDN's, or {@code null} to answer normally. */
    public volatile Function<RecordedRequest, MockResponse> cdnFault = r -> null;
    /** Photos the whole search holds. */
    public volatile long available = 1_000;
    /** Extra headers on every API answer (rate-limit headers ...). */
    public volatile Function<Integer, Map<String, String>> apiHeaders = n -> Map.of();
    /** Whether every API answer quotes the key its request carried (headers, and the pages' text). */
    public volatile boolean echoKey;
    /** CDN requests being answered now. */
    public final AtomicInteger cdnInFlight = new AtomicInteger();
    /** The most CDN requests ever answered at once. */
    public final AtomicInteger cdnMaxInFlight = new AtomicInteger();
    /** How long the CDN takes per image. */
    public volatile long cdnLatencyMillis;

    private final Protocol protocol;
    private final Map<Integer, byte[]> jpegs = new ConcurrentHashMap<>();
    private volatile String lastKey;

    /** Starts both servers on free ports. */
    public FakePhotoApi(Protocol protocol) throws IOException {
        this.protocol = protocol;
        api.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                apiRequests.add(request);
                lastKey = key(request);
                MockResponse fault = apiFault.apply(request);
                if (fault != null) {
                    return fault;
                }
                MockResponse answer = withHeaders(answer(request), apiRequests.size());
                return echoKey && lastKey != null ? answer.newBuilder().setHeader("X-Echo-Authorization",
                        request.getHeaders().get("Authorization")).setHeader("X-Echo-Key", lastKey).build() : answer;
            }
        });
        cdn.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                cdnRequests.add(request);
                int now = cdnInFlight.incrementAndGet();
                cdnMaxInFlight.accumulateAndGet(now, Math::max);
                try {
                    if (cdnLatencyMillis > 0) {
                        Thread.sleep(cdnLatencyMillis); // the server's own latency, so that downloads overlap
                    }
                    MockResponse fault = cdnFault.apply(request);
                    return fault != null ? fault : image(request);
                } finally {
                    cdnInFlight.decrementAndGet();
                }
            }
        });
        api.start();
        cdn.start();
    }

    private MockResponse answer(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        if (protocol.isPage(url.encodedPath())) {
            int[] ps = protocol.pageAndSize(url);
            long first = (long) (ps[0] - 1) * ps[1] + 1;
            int count = (int) Math.max(0, Math.min(ps[1], available - first + 1));
            return json(protocol.page((int) first, count, available, this));
        }
        MockResponse other = protocol.other(request);
        return other != null ? other : new MockResponse.Builder().code(404).body("{\"errors\":[\"Not found\"]}").build();
    }

    private MockResponse withHeaders(MockResponse response, int n) {
        Map<String, String> extra = apiHeaders.apply(n);
        if (extra.isEmpty()) {
            return response;
        }
        MockResponse.Builder b = response.newBuilder();
        extra.forEach(b::setHeader);
        return b.build();
    }

    /** The key the last API request carried, for the pages' text, when {@link #echoKey} is set; else {@code null}. */
    public String echo() {
        return echoKey ? lastKey : null;
    }

    /** The key in a request's {@code Authorization} header ({@code Client-ID <key>}, {@code API-Key <key>}), or {@code null}. */
    static String key(RecordedRequest request) {
        String authorization = request.getHeaders().get("Authorization");
        return authorization == null ? null : authorization.substring(authorization.indexOf(' ') + 1);
    }

    /**
     * An answer of {@code status} that quotes the request's key back: in the body, as OpenAI quotes
     * a key ({@code sk-qa-SEC****cdef}) and whole, and in {@code X-Echo-Key} and
     * {@code WWW-Authenticate} headers. A request without a key gets the same answer without it.
     */
    public static Function<RecordedRequest, MockResponse> echoingError(int status) {
        return request -> {
            String key = key(request);
            MockResponse.Builder b = new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json");
            if (key == null) {
                return b.body("{\"errors\":[\"HTTP " + status + "\"]}").build();
            }
            return b.setHeader("X-Echo-Key", key).setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", key=\"" + key + "\"")
                    .body("{\"errors\":[" + q("The access token is invalid: " + quote(key)) + "," + q("you sent " + key) + "]}")
                    .build();
        };
    }

    /** A key as OpenAI quotes it: its first nine and last four characters, stars between. */
    public static String quote(String key) {
        return key.length() <= 13 ? "*".repeat(key.length()) : key.substring(0, 9) + "*".repeat(key.length() - 13) + key.substring(key.length() - 4);
    }

    /** Whether {@code request} asks the CDN for photo {@code n}. */
    public static boolean isPhoto(RecordedRequest request, int n) {
        return request.getUrl().encodedPath().matches("/photo/" + n + "(\\.jpg)?");
    }

    /** A fault for the first {@code times} requests only. */
    public static Function<RecordedRequest, MockResponse> first(int times, MockResponse fault) {
        AtomicInteger left = new AtomicInteger(times);
        return r -> left.getAndDecrement() > 0 ? fault : null;
    }

    /** The CDN URL of photo {@code n}. */
    public HttpUrl imageUrl(int n) {
        return cdn.url("/photo/" + n).newBuilder().addQueryParameter("ixid", "abc" + n).build();
    }

    /** The JPEG the CDN serves for photo {@code n}. */
    public byte[] jpeg(int n) {
        return jpegs.computeIfAbsent(n, FakePhotoApi::drawJpeg);
    }

    private MockResponse image(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (!path.startsWith("/photo/")) {
            return new MockResponse.Builder().code(404).build();
        }
        int n = Integer.parseInt(path.substring("/photo/".length()).replaceAll("\\D.*", ""));
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "image/jpeg")
                .body(new Buffer().write(jpeg(n))).build();
    }

    /** A 200 answer of JSON. */
    public static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    private static byte[] drawJpeg(int n) {
        BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(Color.HSBtoRGB((n * 0.137f) % 1f, 0.6f, 0.9f)));
        g.fillRect(0, 0, 40, 40);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(n % 20, 10, 20, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** JSON string escaping for the fake's answers. */
    public static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        api.close();
        cdn.close();
    }
}
