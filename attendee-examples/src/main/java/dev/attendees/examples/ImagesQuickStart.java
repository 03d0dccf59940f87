package dev.attendees.examples;

import dev.attendees.AttendeeGenerator;
import dev.attendees.GenerationSummary;
import dev.attendees.export.AttendeeFileSink;
import dev.attendees.export.AttendeeFormat;
import dev.attendees.images.AvatarImageProvider;
import dev.attendees.images.ImageProviders;
import dev.attendees.spi.ImageProvider;
import java.nio.file.Files;
import java.nio.file.Path;

/** The images guide's example (docs/images.md), compiled and run by CI so that it cannot drift. */
public final class ImagesQuickStart {
    private ImagesQuickStart() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "out");
        // --8<-- [start:images]
        Files.createDirectories(out);
        try (AvatarImageProvider avatars = AvatarImageProvider.builder().size(256).build()) {
            AttendeeGenerator generator = AttendeeGenerator.builder()
                    .seed(42)
                    .imageProvider(avatars)
                    .outputDirectory(out)                   // image_path is relative to this folder
                    .build();
            try (AttendeeFileSink sink = AttendeeFormat.CSV.open(out.resolve("attendees.csv"))) {
                GenerationSummary summary = generator.writeTo(sink, 100);
                System.out.println(summary.imageOrigins());       // {avatar=100}
            }
            System.out.println(generator.attendee(0).imagePath()); // images/1.png
            byte[] png = avatars.render(generator.attendee(1));    // the same bytes every time
            System.out.println(png.length > 0);
        }

        // By name, as the CLI does; a photo service falls back to avatars attendee by attendee.
        String name = System.getenv("UNSPLASH_ACCESS_KEY") != null ? "unsplash" : "avatar";
        try (ImageProvider images = ImageProviders.named(name, 128)) {
            System.out.println(images.name() + " gives " + images.imageFor(
                    AttendeeGenerator.builder().seed(7).build().attendee(0), out));   // ... gives images/1.jpg or .png
        }
        // --8<-- [end:images]
    }
}
