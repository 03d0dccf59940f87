package dev.attendees.images;

import dev.attendees.ConfigurationException;
import dev.attendees.spi.ImageProvider;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Image providers by name, for command lines and configuration files: {@code avatar},
 * {@code unsplash}, {@code generated-photos}, {@code randomuser}. Keys and base URLs come from the
 * environment; a missing key is a {@link ConfigurationException} naming the variable, raised here,
 * before any attendee is made.
 *
 * <pre>{@code
 * try (ImageProvider images = ImageProviders.named("unsplash", 256)) {   // needs UNSPLASH_ACCESS_KEY
 *     AttendeeGenerator.builder().imageProvider(images).outputDirectory(out).build()...;
 * }
 * }</pre>
 */
public final class ImageProviders {

    /** The names {@link #named} knows, in the order shown to people. */
    public static final List<String> NAMES = List.of("avatar", "unsplash", "generated-photos", "randomuser");

    private ImageProviders() {}

    /** The provider called {@code name}, with default sizes and the process's environment. */
    public static ImageProvider named(String name) {
        return named(name, AvatarImageProvider.DEFAULT_SIZE);
    }

    /** The provider called {@code name} for images of {@code size} pixels, with the process's environment. */
    public static ImageProvider named(String name, int size) {
        return named(name, size, null, System::getenv);
    }

    /**
     * The provider called {@code name}.
     *
     * @param size image size in pixels (avatars, and what is asked of photo services)
     * @param poolSize most distinct photos a photo service draws from, or {@code null} for its default
     * @param environment where keys and base URLs are read (a map's {@code get} in tests)
     * @throws ConfigurationException for an unknown name (listing the known ones), a missing key
     *     (naming its variable) or a bad setting
     */
    public static ImageProvider named(String name, int size, Integer poolSize, Function<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (key.equals("avatar")) {
            return AvatarImageProvider.builder().size(size).build();
        }
        RemoteImageProvider.Builder<?> builder = switch (key) {
            case "unsplash" -> UnsplashImageProvider.builder();
            case "generated-photos" -> GeneratedPhotosImageProvider.builder();
            case "randomuser" -> RandomUserImageProvider.builder();
            default -> throw new ConfigurationException("unknown image provider '" + name + "'; known: "
                    + String.join(", ", NAMES));
        };
        builder.environment(environment).imageSize(size);
        if (poolSize != null) {
            builder.poolSize(poolSize);
        }
        return builder.build();
    }
}
