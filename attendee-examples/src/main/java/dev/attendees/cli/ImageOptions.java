package dev.attendees.cli;

import dev.attendees.ConfigurationException;
import dev.attendees.spi.ImageProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The image options of {@code attendees generate}: which provider gives each attendee a picture. */
final class ImageOptions {
    static final List<String> KINDS = List.of("none", "avatar", "unsplash", "generated-photos", "randomuser");

    @Option(names = "--images", paramLabel = "KIND", defaultValue = "none",
            description = "none, avatar, unsplash, generated-photos or randomuser (only none is available yet).")
    String images;

    /**
     * The provider the options ask for, storing images under {@code outputDir}; {@code null} for
     * {@code none}.
     *
     * @throws ConfigurationException naming the option that is wrong
     */
    ImageProvider open(Path outputDir) {
        String kind = images.toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw new ConfigurationException("--images must be one of " + String.join(", ", KINDS) + ", was '" + images + "'");
        }
        if (kind.equals("none")) {
            return null;
        }
        throw new ConfigurationException("--images " + images + " is not available yet: images arrive with a later release");
    }
}
