package dev.attendees.images.testing;

import java.util.StringJoiner;
import java.util.function.IntFunction;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * The three services' protocols as {@link FakePhotoApi} speaks them: Unsplash's search and
 * download tracking, generated.photos' faces, randomuser.me's users. With
 * {@link FakePhotoApi#echoKey} set, pages quote the key their request carried in the text the
 * providers keep for the credits.
 */
public final class PhotoProtocols {
    private PhotoProtocols() {}

    /** Unsplash with plain photo fields: id {@code ph<n>}, photographer {@code Ann Author <n>}, its own tracking link. */
    public static FakePhotoApi.Protocol unsplash() {
        return unsplash(n -> new String[] {"ph" + n, "Ann Author " + n, null});
    }

    /**
     * Unsplash's {@code /search/photos} (30 a page) and {@code /photos/<n>/download}; photo {@code n}'s
     * id, photographer name and download-tracking link (or {@code null} for the fake's own) come
     * from {@code fields}, so that tests can make them hostile.
     */
    public static FakePhotoApi.Protocol unsplash(IntFunction<String[]> fields) {
        return new FakePhotoApi.Protocol() {
            @Override
            public boolean isPage(String path) {
                return path.equals("/search/photos");
            }

            @Override
            public int[] pageAndSize(HttpUrl url) {
                return new int[] {Integer.parseInt(url.queryParameter("page")), Integer.parseInt(url.queryParameter("per_page"))};
            }

            @Override
            public String page(int first, int count, long total, FakePhotoApi fake) {
                StringJoiner results = new StringJoiner(",");
                String echo = fake.echo();
                for (int n = first; n < first + count; n++) {
                    String[] f = fields.apply(n);
                    String id = f[0];
                    String author = echo == null ? f[1] : f[1] + " " + echo;
                    String tracking = f[2] != null ? f[2]
                            : fake.api.url("/photos/" + n + "/download").newBuilder().addQueryParameter("ixid", "track" + n)
                                    .build().toString();
                    results.add("{\"id\":" + FakePhotoApi.q(id) + ",\"width\":3000,\"height\":4000,"
                            + "\"urls\":{\"raw\":" + FakePhotoApi.q(fake.imageUrl(n).toString()) + ",\"small\":\"ignored\"},"
                            + "\"links\":{\"html\":" + FakePhotoApi.q("https://unsplash.com/photos/" + id) + ",\"download_location\":"
                            + FakePhotoApi.q(tracking) + "},"
                            + "\"user\":{\"name\":" + FakePhotoApi.q(author) + ",\"username\":\"ann" + n + "\",\"links\":{\"html\":"
                            + FakePhotoApi.q("https://unsplash.com/@ann" + n) + "}}}");
                }
                return "{\"total\":" + total + ",\"total_pages\":" + (total + 29) / 30 + ",\"results\":[" + results + "]}";
            }

            @Override
            public MockResponse other(RecordedRequest request) {
                return request.getUrl().encodedPath().matches("/photos/\\d+/download")
                        ? FakePhotoApi.json("{\"url\":\"https://images.unsplash.com/x\"}") : null;
            }
        };
    }

    /**
     * generated.photos' {@code /api/v1/faces}: face {@code n} is {@code face<n>} (followed by the
     * key when echoing), offered in sizes 32 to 512 of which only 128 and 256 are real photos.
     */
    public static FakePhotoApi.Protocol generatedPhotos() {
        return new FakePhotoApi.Protocol() {
            @Override
            public boolean isPage(String path) {
                return path.equals("/api/v1/faces");
            }

            @Override
            public int[] pageAndSize(HttpUrl url) {
                return new int[] {Integer.parseInt(url.queryParameter("page")), Integer.parseInt(url.queryParameter("per_page"))};
            }

            @Override
            public String page(int first, int count, long total, FakePhotoApi fake) {
                StringJoiner faces = new StringJoiner(",");
                String echo = fake.echo();
                for (int n = first; n < first + count; n++) {
                    StringJoiner urls = new StringJoiner(",");
                    for (int size : new int[] {32, 64, 128, 256, 512}) {
                        // Only the 128 and 256 px variants are real photos here; the others would 404.
                        String url = size == 128 || size == 256 ? fake.imageUrl(n).newBuilder().addQueryParameter("size",
                                Integer.toString(size)).build().toString() : fake.cdn.url("/nope/" + size).toString();
                        urls.add("{\"" + size + "\":" + FakePhotoApi.q(url) + "}");
                    }
                    String id = echo == null ? "face" + n : "face" + n + "-" + echo;
                    faces.add("{\"id\":" + FakePhotoApi.q(id) + ",\"version\":\"3.0\",\"urls\":[" + urls
                            + "],\"meta\":{\"gender\":[\"female\"]}}");
                }
                return "{\"faces\":[" + faces + "],\"total\":" + total + ",\"per_page\":" + count + "}";
            }
        };
    }

    /** randomuser.me's {@code /api/}: user {@code n}'s portraits at {@code /photo/<n>.jpg}. */
    public static FakePhotoApi.Protocol randomUser() {
        return new FakePhotoApi.Protocol() {
            @Override
            public boolean isPage(String path) {
                return path.equals("/api/");
            }

            @Override
            public int[] pageAndSize(HttpUrl url) {
                return new int[] {Integer.parseInt(url.queryParameter("page")), Integer.parseInt(url.queryParameter("results"))};
            }

            @Override
            public String page(int first, int count, long total, FakePhotoApi fake) {
                StringJoiner users = new StringJoiner(",");
                for (int n = first; n < first + count; n++) {
                    String large = fake.cdn.url("/photo/" + n + ".jpg").toString();
                    users.add("{\"gender\":\"female\",\"name\":{\"title\":\"Ms\",\"first\":\"Ann\",\"last\":\"Lee\"},"
                            + "\"picture\":{\"large\":" + FakePhotoApi.q(large) + ",\"medium\":" + FakePhotoApi.q(large + "?m")
                            + ",\"thumbnail\":" + FakePhotoApi.q(large + "?t") + "}}");
                }
                return "{\"results\":[" + users + "],\"info\":{\"seed\":\"x\",\"results\":" + count + ",\"version\":\"1.4\"}}";
            }
        };
    }
}
