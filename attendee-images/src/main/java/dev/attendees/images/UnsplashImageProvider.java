package dev.attendees.images;

import dev.attendees.ConfigurationException;
import dev.attendees.images.internal.RemoteImages;
import dev.attendees.images.internal.UnsplashService;
import java.time.Clock;
import java.util.Objects;

/**
 * Portrait photos of people from Unsplash, following its API guidelines: one search request per
 * 30 photos of the pool (not one per attendee), the rate-limit headers respected (calls stop
 * before the limit, never overshoot it), each photo's download reported to Unsplash once, and the
 * photographer's name, profile link and the photo's page (with {@code utm} referral parameters)
 * kept in {@code images/ATTRIBUTION.csv}. Needs {@value #ACCESS_KEY_VARIABLE} (an app's access
 * key from <a href="https://unsplash.com/oauth/applications">unsplash.com/oauth/applications</a>);
 * a demo app allows 50 requests an hour, which the default pool of {@value #DEFAULT_POOL_SIZE}
 * photos fits (1 search + 30 download reports). Any failure gives that attendee a local avatar.
 *
 * <pre>{@code
 * try (UnsplashImageProvider unsplash = UnsplashImageProvider.builder()
 *         .query("conference speaker portrait")
 *         .poolSize(90)                          // 3 searches + 90 download reports
 *         .build()) {                            // reads UNSPLASH_ACCESS_KEY, UNSPLASH_API_URL
 *     String path = unsplash.imageFor(attendee, Path.of("out"));   // "images/1.jpg"
 * }
 * }</pre>
 */
public final class UnsplashImageProvider extends RemoteImageProvider {

    /** The environment variable holding the access key: {@value}. */
    public static final String ACCESS_KEY_VARIABLE = "UNSPLASH_ACCESS_KEY";

    /** The environment variable that overrides the API's base URL: {@value}. */
    public static final String API_URL_VARIABLE = "UNSPLASH_API_URL";

    /** The public API: {@value}. */
    public static final String DEFAULT_API_URL = "https://api.unsplash.com";

    /** The search for photos: {@value}. */
    public static final String DEFAULT_QUERY = "portrait person";

    /** Photos in the pool: {@value}, one search page, which a demo key's 50 requests an hour allow. */
    public static final int DEFAULT_POOL_SIZE = 30;

    /** The {@code utm_source} of links back to Unsplash: {@value}. */
    public static final String DEFAULT_APP_NAME = "attendees";

    private UnsplashImageProvider(RemoteImages engine) {
        super(engine);
    }

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures an {@link UnsplashImageProvider}. */
    public static final class Builder extends RemoteImageProvider.Builder<Builder> {
        private String accessKey;
        private String query = DEFAULT_QUERY;
        private String appName = DEFAULT_APP_NAME;

        private Builder() {}

        /** The access key, over {@value #ACCESS_KEY_VARIABLE}. Prefer the environment variable. */
        public Builder accessKey(String key) {
            this.accessKey = Objects.requireNonNull(key, "accessKey");
            return this;
        }

        /** What to search for; {@value #DEFAULT_QUERY} by default (portrait orientation always). */
        public Builder query(String words) {
            if (words == null || words.isBlank()) {
                throw new ConfigurationException("Unsplash query must not be empty");
            }
            this.query = words.strip();
            return this;
        }

        /** Your application's name, the {@code utm_source} of links back to Unsplash. */
        public Builder appName(String name) {
            if (name == null || !name.matches("[A-Za-z0-9_.-]{1,64}")) {
                throw new ConfigurationException("Unsplash app name must be 1 to 64 letters, digits, '_', '.' or '-', was '"
                        + name + "'");
            }
            this.appName = name;
            return this;
        }

        /**
         * The provider.
         *
         * @throws ConfigurationException when {@value #ACCESS_KEY_VARIABLE} is missing, or a setting is wrong
         */
        @Override
        public UnsplashImageProvider build() {
            String key = key(accessKey, ACCESS_KEY_VARIABLE, "create an app at https://unsplash.com/oauth/applications");
            var settings = settings(API_URL_VARIABLE, DEFAULT_API_URL, DEFAULT_POOL_SIZE);
            return new UnsplashImageProvider(new RemoteImages(
                    new UnsplashService(key, query, appName, settings.poolSize(), settings.imageSize()), settings,
                    Clock.systemUTC()));
        }
    }
}
