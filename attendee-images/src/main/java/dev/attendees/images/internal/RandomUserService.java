package dev.attendees.images.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attendees.ProviderException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * randomuser.me's protocol: a seeded batch of users from {@code /api/} (up to 100 a page here;
 * {@code seed} and {@code page} make pages repeatable; only {@code picture,gender,name} asked
 * for), each with a portrait; {@code large} (128 px) unless a small size is asked. No key. Its
 * portraits are a fixed set of about two hundred, so a large run repeats faces.
 */
public final class RandomUserService implements PhotoService {
    /** The page size used: {@value}. */
    public static final int MAX_PAGE_SIZE = 100;

    private final String seed;
    private final int pageSize;
    private final int imageSize;

    public RandomUserService(String seed, int poolSize, int imageSize) {
        this.seed = seed;
        this.pageSize = Math.min(MAX_PAGE_SIZE, poolSize);
        this.imageSize = imageSize;
    }

    @Override
    public String name() {
        return "randomuser";
    }

    @Override
    public Headers credentials() {
        return Headers.of();
    }

    @Override
    public int pageSize() {
        return pageSize;
    }

    @Override
    public PhotoPage page(ApiClient api, int number) {
        HttpUrl url = api.base().newBuilder().addPathSegments("api/")
                .addQueryParameter("results", Integer.toString(pageSize))
                .addQueryParameter("inc", "picture,gender,name")
                .addQueryParameter("seed", seed)
                .addQueryParameter("page", Integer.toString(number))
                .build();
        JsonNode json = api.get(url);
        List<RemotePhoto> photos = new ArrayList<>();
        for (JsonNode user : Json.array(json, "results")) {
            HttpUrl image = Json.url(user, "picture", imageSize <= 48 ? "thumbnail" : imageSize <= 72 ? "medium" : "large");
            if (image != null) {
                // The portrait's identity is its path (e.g. /api/portraits/women/12.jpg).
                photos.add(new RemotePhoto(image.encodedPath(), image, "Random User Generator", "https://randomuser.me",
                        image.toString(), null));
            }
        }
        if (photos.isEmpty()) {
            throw new ProviderException("randomuser: page " + number + " had no portraits", false);
        }
        return new PhotoPage(photos, -1);
    }

    @Override
    public String license() {
        return "randomuser.me portraits, for testing and development";
    }

    @Override
    public String licenseUrl() {
        return "https://randomuser.me/";
    }
}
