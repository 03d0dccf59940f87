package dev.attendees.cli;

import dev.attendees.ConfigurationException;
import dev.attendees.images.AvatarImageProvider;
import dev.attendees.images.ImageProviders;
import dev.attendees.spi.ImageProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The image options of {@code attendees generate}: which provider gives each attendee a picture,
 * stored under {@code images/} beside the output file (the working directory without
 * {@code --out}), with {@code image_path} relative to that folder.
 */
final class ImageOptions {
    static final List<String> KINDS = List.of("none", "avatar", "unsplash", "generated-photos", "randomuser");

    /** The folder under the output folder that every provider writes to. */
    static final String FOLDER = "images";

    /** Where keys and base URLs are read; tests put a map's {@code get} here. */
    static Function<String, String> environment = System::getenv;

    @Option(names = "--images", paramLabel = "KIND", defaultValue = "none",
            description = "none, avatar (drawn locally), unsplash (UNSPLASH_ACCESS_KEY), generated-photos "
                    + "(GENERATED_PHOTOS_API_KEY) or randomuser; images go to images/ beside the output (default: none).")
    String images;

    @Option(names = "--image-size", paramLabel = "PX",
            description = "Image width and height in pixels, 32..1024 (default: " + AvatarImageProvider.DEFAULT_SIZE + ").")
    Integer imageSize;

    @Option(names = "--image-pool", paramLabel = "N",
            description = "Distinct photos a photo service draws from (default: unsplash 30, generated-photos 100, randomuser 100).")
    Integer imagePool;

    /** Whether images were asked for. */
    boolean enabled() {
        return !images.strip().equalsIgnoreCase("none");
    }

    /** The images folder as people name it: beside {@code out} as given, or in the working directory. */
    static Path folder(Path out) {
        return out != null ? out.resolveSibling(FOLDER) : Path.of(FOLDER);
    }

    /**
     * The provider the options ask for, storing images under {@code outputDir}; {@code null} for
     * {@code none}. A missing key is found here, before anything is generated.
     *
     * @throws ConfigurationException naming the option (and the variable) that is wrong
     */
    ImageProvider open(Path outputDir) {
        String kind = images.strip().toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw new ConfigurationException("--images must be one of " + String.join(", ", KINDS) + ", was '" + images + "'");
        }
        if (kind.equals("none")) {
            if (imageSize != null || imagePool != null) {
                throw new ConfigurationException((imageSize != null ? "--image-size" : "--image-pool") + " needs --images");
            }
            return null;
        }
        if (kind.equals("avatar") && imagePool != null) {
            throw new ConfigurationException("--image-pool needs a photo service: --images unsplash, generated-photos or randomuser");
        }
        int size = imageSize != null ? imageSize : AvatarImageProvider.DEFAULT_SIZE;
        try {
            return ImageProviders.named(kind, size, imagePool, environment);
        } catch (ConfigurationException e) {
            String message = e.getMessage();
            String option = message.startsWith("image size") ? "--image-size"
                    : message.startsWith("pool size") ? "--image-pool" : "--images " + kind;
            throw new ConfigurationException(option + ": " + message, e);
        }
    }
}
