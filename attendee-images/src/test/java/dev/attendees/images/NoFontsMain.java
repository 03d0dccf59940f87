package dev.attendees.images;

import dev.attendees.AttendeeGenerator;
import dev.attendees.images.internal.AvatarRenderer;
import java.nio.file.Path;

/** Draws avatars into the folder {@code args[0]} and prints whether fonts were found and the report: run by {@link NoFontsTest}. */
public final class NoFontsMain {
    private NoFontsMain() {}

    public static void main(String[] args) {
        try (AvatarImageProvider avatars = AvatarImageProvider.create()) {
            avatars.imagesFor(AttendeeGenerator.builder().seed(3).locale("international").build().generate(20), Path.of(args[0]));
            System.out.println("fonts=" + AvatarRenderer.fontAvailable());
            avatars.report().notes().forEach(System.out::println);
        }
    }
}
