package dev.attendees.images;

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
 * protocol (pages of fake photos, download tracking), {@code cdn} serves their images (a real,
 * distinct JPEG per photo). Tests replace answers through {@link #apiFault} and {@link #cdnFault}
 * (return {@code null} to answer normally) and read what arrived from {@link #apiRequests} and
 * {@link #cdnRequests}.
 */
final class FakePhotoApi implements AutoCloseable {

    /** How one service's protocol looks: the page path and JSON, and other API paths. */
    interface Protocol {
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

    final MockWebServer api = new MockWebServer();
    final MockWebServer cdn = new MockWebServer();
    final List<RecordedRequest> apiRequests = new CopyOnWriteArrayList<>();
    final List<RecordedRequest> cdnRequests = new CopyOnWriteArrayList<>();
    volatile Function<RecordedRequest, MockResponse> apiFault = r -> null;
    volatile Function<RecordedRequest, MockResponse> cdnFault = r -> null;
    /** Photos the whole search holds. */
    volatile long available = 1_000;
    /** Extra headers on every API answer (rate-limit headers ...). */
    volatile Function<Integer, Map<String, String>> apiHeaders = n -> Map.of();
    final AtomicInteger cdnInFlight = new AtomicInteger();
    final AtomicInteger cdnMaxInFlight = new AtomicInteger();
    volatile long cdnLatencyMillis;

    private final Protocol protocol;
    private final Map<Integer, byte[]> jpegs = new ConcurrentHashMap<>();

    FakePhotoApi(Protocol protocol) throws IOException {
        this.protocol = protocol;
        api.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                apiRequests.add(request);
                MockResponse fault = apiFault.apply(request);
                if (fault != null) {
                    return fault;
                }
                return withHeaders(answer(request), apiRequests.size());
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

    /** Whether {@code request} asks the CDN for photo {@code n}. */
    static boolean isPhoto(RecordedRequest request, int n) {
        return request.getUrl().encodedPath().matches("/photo/" + n + "(\\.jpg)?");
    }

    /** A fault for the first request only. */
    static Function<RecordedRequest, MockResponse> first(int times, MockResponse fault) {
        AtomicInteger left = new AtomicInteger(times);
        return r -> left.getAndDecrement() > 0 ? fault : null;
    }

    /** The CDN URL of photo {@code n}. */
    HttpUrl imageUrl(int n) {
        return cdn.url("/photo/" + n).newBuilder().addQueryParameter("ixid", "abc" + n).build();
    }

    /** The JPEG the CDN serves for photo {@code n}. */
    byte[] jpeg(int n) {
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

    static MockResponse json(String body) {
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
    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        api.close();
        cdn.close();
    }
}
