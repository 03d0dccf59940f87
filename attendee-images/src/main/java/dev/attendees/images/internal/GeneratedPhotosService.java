package dev.attendees.images.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attendees.ProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * generated.photos' protocol: AI-generated faces from {@code /api/v1/faces} (up to 100 a page,
 * oldest first so that pages stay stable, {@code Authorization: API-Key <key>}); each face's
 * {@code urls} list offers sizes 32 to 512 and the smallest one at least as large as asked is
 * taken.
 */
public final class GeneratedPhotosService implements PhotoService {
    /** generated.photos' largest page. */
    public static final int MAX_PAGE_SIZE = 100;

    private final String apiKey;
    private final int pageSize;
    private final int imageSize;

    public GeneratedPhotosService(String apiKey, int poolSize, int imageSize) {
        this.apiKey = apiKey;
        this.pageSize = Math.min(MAX_PAGE_SIZE, poolSize);
        this.imageSize = imageSize;
    }

    @Override
    public String name() {
        return "generated-photos";
    }

    @Override
    public Headers credentials() {
        return Headers.of("Authorization", "API-Key " + apiKey);
    }

    @Override
    public int pageSize() {
        return pageSize;
    }

    @Override
    public PhotoPage page(ApiClient api, int number) {
        HttpUrl url = api.base().newBuilder().addPathSegments("api/v1/faces")
                .addQueryParameter("per_page", Integer.toString(pageSize))
                .addQueryParameter("page", Integer.toString(number))
                .addQueryParameter("order_by", "oldest")
                .build();
        JsonNode json = api.get(url);
        List<RemotePhoto> photos = new ArrayList<>();
        for (JsonNode face : Json.array(json, "faces")) {
            String id = Json.text(face, "id");
            HttpUrl image = sized(face);
            if (!id.isEmpty() && image != null) {
                photos.add(new RemotePhoto(id, image, "Generated Photos", "https://generated.photos", "https://generated.photos/faces",
                        null));
            }
        }
        if (photos.isEmpty() && Json.number(json, "total") != 0) {
            throw new ProviderException("generated-photos: page " + number + " had no usable faces", false);
        }
        return new PhotoPage(photos, Json.number(json, "total"));
    }

    /** The smallest offered size at least as large as asked, else the largest. */
    private HttpUrl sized(JsonNode face) {
        TreeMap<Integer, HttpUrl> bySize = new TreeMap<>();
        for (JsonNode entry : Json.array(face, "urls")) {
            for (Map.Entry<String, JsonNode> f : entry.properties()) {
                HttpUrl url = f.getValue().isTextual() ? HttpUrl.parse(f.getValue().asText()) : null;
                if (url != null && f.getKey().matches("\\d{1,5}")) {
                    bySize.put(Integer.parseInt(f.getKey()), url);
                }
            }
        }
        if (bySize.isEmpty()) {
            return null;
        }
        Map.Entry<Integer, HttpUrl> fit = bySize.ceilingEntry(imageSize);
        return (fit != null ? fit : bySize.lastEntry()).getValue();
    }

    @Override
    public String license() {
        return "Generated Photos free license (credit with a link to generated.photos)";
    }

    @Override
    public String licenseUrl() {
        return "https://generated.photos/terms-and-conditions";
    }
}
