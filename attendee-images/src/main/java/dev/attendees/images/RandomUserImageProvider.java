package dev.attendees.images;

import dev.attendees.ConfigurationException;
import dev.attendees.images.internal.RandomUserService;
import dev.attendees.images.internal.RemoteImages;
import java.time.Clock;

/**
 * Portraits from randomuser.me, a free service for test data that needs no key: one seeded
 * request per 100 users (the same seed gives the same pool), each user's 128 px portrait. The
 * service has about two hundred portraits, so faces repeat in a large run (each is downloaded
 * once), and they do not follow the attendees' names. Any failure gives that attendee a local
 * avatar.
 *
 * <pre>{@code
 * try (RandomUserImageProvider portraits = RandomUserImageProvider.builder().seed("kubecon").build()) {
 *     portraits.imagesFor(attendees, Path.of("out"));      // reads RANDOMUSER_API_URL if set
 * }
 * }</pre>
 */
public final class RandomUserImageProvider extends RemoteImageProvider {

    /** The environment variable that overrides the API's base URL: {@value}. */
    public static final String API_URL_VARIABLE = "RANDOMUSER_API_URL";

    /** The public API: {@value}. */
    public static final String DEFAULT_API_URL = "https://randomuser.me";

    /** Users in the pool: {@value}, one request. */
    public static final int DEFAULT_POOL_SIZE = 100;

    /** The seed of the service's pages: {@value}. */
    public static final String DEFAULT_SEED = "attendees";

    private RandomUserImageProvider(RemoteImages engine) {
        super(engine);
    }

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link RandomUserImageProvider}. */
    public static final class Builder extends RemoteImageProvider.Builder<Builder> {
        private String seed = DEFAULT_SEED;

        private Builder() {}

        /** The service's seed: the same seed gives the same portraits; {@value #DEFAULT_SEED} by default. */
        public Builder seed(String value) {
            if (value == null || !value.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new ConfigurationException("randomuser seed must be 1 to 64 letters, digits, '_' or '-', was '"
                        + value + "'");
            }
            this.seed = value;
            return this;
        }

        /** The provider; no key needed. */
        @Override
        public RandomUserImageProvider build() {
            var settings = settings(API_URL_VARIABLE, DEFAULT_API_URL, DEFAULT_POOL_SIZE);
            return new RandomUserImageProvider(new RemoteImages(
                    new RandomUserService(seed, settings.poolSize(), settings.imageSize()), settings, Clock.systemUTC()));
        }
    }
}
