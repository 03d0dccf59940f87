package dev.attendees.images.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attendees.ProviderException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Unsplash's protocol: portrait photos from {@code /search/photos} (30 a page,
 * {@code Authorization: Client-ID <key>}), each downloaded square and cropped on the face from its
 * {@code urls.raw} with Imgix parameters; the photographer's name and profile and the photo's page
 * (with the {@code utm_source}/{@code utm_medium=referral} parameters the API guidelines ask for)
 * kept for the credits; and each photo used reported once to its {@code links.download_location}.
 */
public final class UnsplashService implements PhotoService {
    /** Unsplash's largest page. */
    public static final int MAX_PAGE_SIZE = 30;

    private final String accessKey;
    private final String query;
    private final String appName;
    private final int pageSize;
    private final int imageSize;

    public UnsplashService(String accessKey, String query, String appName, int poolSize, int imageSize) {
        this.accessKey = accessKey;
        this.query = query;
        this.appName = appName;
        this.pageSize = Math.min(MAX_PAGE_SIZE, poolSize);
        this.imageSize = imageSize;
    }

    @Override
    public String name() {
        return "unsplash";
    }

    @Override
    public Headers credentials() {
        return Headers.of("Authorization", "Client-ID " + accessKey, "Accept-Version", "v1");
    }

    @Override
    public int pageSize() {
        return pageSize;
    }

    @Override
    public PhotoPage page(ApiClient api, int number) {
        HttpUrl url = api.base().newBuilder().addPathSegments("search/photos")
                .addQueryParameter("query", query)
                .addQueryParameter("orientation", "portrait")
                .addQueryParameter("content_filter", "high")
                .addQueryParameter("per_page", Integer.toString(pageSize))
                .addQueryParameter("page", Integer.toString(number))
                .build();
        JsonNode json = api.get(url);
        List<RemotePhoto> photos = new ArrayList<>();
        for (JsonNode result : Json.array(json, "results")) {
            RemotePhoto photo = photo(result);
            if (photo != null) {
                photos.add(photo);
            }
        }
        if (photos.isEmpty() && Json.number(json, "total") != 0) {
            throw new ProviderException("unsplash: page " + number + " of the search had no usable photos", false);
        }
        return new PhotoPage(photos, Json.number(json, "total"));
    }

    private RemotePhoto photo(JsonNode r) {
        String id = Json.text(r, "id");
        HttpUrl raw = Json.url(r, "urls", "raw");
        HttpUrl image = raw != null ? raw.newBuilder()
                .setQueryParameter("w", Integer.toString(imageSize))
                .setQueryParameter("h", Integer.toString(imageSize))
                .setQueryParameter("fit", "crop")
                .setQueryParameter("crop", "faces")
                .setQueryParameter("fm", "jpg")
                .setQueryParameter("q", "80")
                .build() : Json.url(r, "urls", "small");
        if (id.isEmpty() || image == null) {
            return null;
        }
        String author = Json.text(r, "user", "name");
        return new RemotePhoto(id, image, author.isEmpty() ? Json.text(r, "user", "username") : author,
                Json.link(Json.text(r, "user", "links", "html"), "utm_source", appName, "utm_medium", "referral"),
                Json.link(Json.text(r, "links", "html"), "utm_source", appName, "utm_medium", "referral"),
                Json.url(r, "links", "download_location"));
    }

    /** Reports the download, as the API guidelines ask, on Unsplash's own API (never elsewhere). */
    @Override
    public void used(ApiClient api, RemotePhoto photo) {
        HttpUrl tracking = photo.tracking();
        if (tracking == null || !api.sameOrigin(tracking)) {
            throw new ProviderException("unsplash: photo " + ImageDownloader.printable(photo.id())
                    + " has no download-tracking link on " + api.base().host() + ", so it is not used", false);
        }
        api.ping(tracking);
    }

    @Override
    public String license() {
        return "Unsplash License";
    }

    @Override
    public String licenseUrl() {
        return "https://unsplash.com/license";
    }
}
