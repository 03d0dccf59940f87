package dev.attendees.images;

import dev.attendees.ConfigurationException;
import dev.attendees.images.internal.GeneratedPhotosService;
import dev.attendees.images.internal.RemoteImages;
import java.time.Clock;
import java.util.Objects;

/**
 * AI-generated faces from generated.photos: pages of up to 100 faces (oldest first, so a pool is
 * the same from run to run), each in the smallest size at least as large as asked (32 to 512 px).
 * Needs {@value #API_KEY_VARIABLE} (from <a href="https://generated.photos/api">generated.photos/api</a>).
 * The free licence asks for a link to generated.photos wherever the faces appear; the credits go
 * to {@code images/ATTRIBUTION.csv}. Any failure gives that attendee a local avatar.
 *
 * <pre>{@code
 * try (GeneratedPhotosImageProvider faces = GeneratedPhotosImageProvider.builder()
 *         .imageSize(256)
 *         .build()) {                            // reads GENERATED_PHOTOS_API_KEY, GENERATED_PHOTOS_API_URL
 *     faces.imagesFor(attendees, Path.of("out"));
 * }
 * }</pre>
 */
public final class GeneratedPhotosImageProvider extends RemoteImageProvider {

    /** The environment variable holding the API key: {@value}. */
    public static final String API_KEY_VARIABLE = "GENERATED_PHOTOS_API_KEY";

    /** The environment variable that overrides the API's base URL: {@value}. */
    public static final String API_URL_VARIABLE = "GENERATED_PHOTOS_API_URL";

    /** The public API: {@value}. */
    public static final String DEFAULT_API_URL = "https://api.generated.photos";

    /** Faces in the pool: {@value}, one request. */
    public static final int DEFAULT_POOL_SIZE = 100;

    private GeneratedPhotosImageProvider(RemoteImages engine) {
        super(engine);
    }

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link GeneratedPhotosImageProvider}. */
    public static final class Builder extends RemoteImageProvider.Builder<Builder> {
        private String apiKey;

        private Builder() {}

        /** The API key, over {@value #API_KEY_VARIABLE}. Prefer the environment variable. */
        public Builder apiKey(String key) {
            this.apiKey = Objects.requireNonNull(key, "apiKey");
            return this;
        }

        /**
         * The provider.
         *
         * @throws ConfigurationException when {@value #API_KEY_VARIABLE} is missing, or a setting is wrong
         */
        @Override
        public GeneratedPhotosImageProvider build() {
            String key = key(apiKey, API_KEY_VARIABLE, "get an API key at https://generated.photos/api");
            var settings = settings(API_URL_VARIABLE, DEFAULT_API_URL, DEFAULT_POOL_SIZE);
            return new GeneratedPhotosImageProvider(new RemoteImages(
                    new GeneratedPhotosService(key, settings.poolSize(), settings.imageSize()), settings, Clock.systemUTC()));
        }
    }
}
