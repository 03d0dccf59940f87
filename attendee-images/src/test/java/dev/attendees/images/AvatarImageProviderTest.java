package dev.attendees.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.ConfigurationException;
import dev.attendees.GenerationSummary;
import dev.attendees.export.AttendeeFileSink;
import dev.attendees.export.AttendeeFormat;
import dev.attendees.images.internal.AvatarRenderer;
import dev.attendees.spi.AbstractImageProviderContractTest;
import dev.attendees.spi.ImageProvider;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AvatarImageProviderTest extends AbstractImageProviderContractTest {

    @Override
    protected ImageProvider provider() {
        return AvatarImageProvider.create();
    }

    @Test
    void should_give_a_thousand_attendees_a_thousand_different_pictures() throws Exception {
        Path out = temp.resolve("thousand");
        List<Attendee> attendees = AttendeeGenerator.builder().seed(7).locale("international").build().generate(1_000);
        try (AvatarImageProvider avatars = AvatarImageProvider.create()) {
            List<String> paths = avatars.imagesFor(attendees, out);

            Set<String> digests = new HashSet<>();
            for (String path : paths) {
                digests.add(sha256(Files.readAllBytes(out.resolve(path))));
            }
            assertThat(digests).hasSize(1_000);
            try (Stream<Path> files = Files.list(out.resolve("images"))) {
                assertThat(files.filter(Files::isRegularFile)).hasSize(1_000);
            }
        }
    }

    @Test
    void should_draw_the_same_bytes_for_the_same_seed_in_two_runs() throws IOException {
        List<Attendee> first = AttendeeGenerator.builder().seed(99).locale("de-DE").build().generate(50);
        List<Attendee> second = AttendeeGenerator.builder().seed(99).locale("de-DE").build().generate(50);
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");
        try (AvatarImageProvider one = AvatarImageProvider.create(); AvatarImageProvider two = AvatarImageProvider.create()) {
            List<String> pathsA = one.imagesFor(first, a);
            List<String> pathsB = two.imagesFor(second, b);

            assertThat(pathsA).isEqualTo(pathsB);
            for (String path : pathsA) {
                assertThat(Files.readAllBytes(a.resolve(path))).isEqualTo(Files.readAllBytes(b.resolve(path)));
            }
        }
    }

    @Test
    void should_write_a_png_of_the_requested_size() throws IOException {
        Attendee attendee = attendees(1).get(0);
        for (int size : new int[] {AvatarImageProvider.MIN_SIZE, 128, 256}) {
            try (AvatarImageProvider avatars = AvatarImageProvider.builder().size(size).build()) {
                Path out = temp.resolve("size" + size);
                String path = avatars.imageFor(attendee, out);

                assertThat(path).isEqualTo("images/" + attendee.id() + ".png");
                BufferedImage image = ImageIO.read(out.resolve(path).toFile());
                assertThat(image.getWidth()).isEqualTo(size);
                assertThat(image.getHeight()).isEqualTo(size);
            }
        }
    }

    @Test
    void should_embed_nothing_but_the_image_in_the_png() {
        byte[] png = AvatarImageProvider.create().render(attendees(1).get(0));

        List<String> chunks = chunkTypes(png);
        assertThat(chunks).startsWith("IHDR").endsWith("IEND").containsOnly("IHDR", "IDAT", "IEND");
    }

    @Test
    void should_draw_a_picture_with_many_colours_not_a_flat_square() throws IOException {
        byte[] png = AvatarImageProvider.create().render(attendees(1).get(0));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours).as("distinct colours").hasSizeGreaterThan(40);
    }

    @Test
    void should_draw_without_initials_when_asked_and_stay_deterministic() {
        Attendee attendee = attendees(1).get(0);
        AvatarImageProvider plain = AvatarImageProvider.builder().initials(false).build();
        AvatarImageProvider lettered = AvatarImageProvider.builder().initials(true).build();

        assertThat(plain.render(attendee)).isEqualTo(plain.render(attendee));
        assumeTrue(AvatarRenderer.fontAvailable(), "no fonts installed: every badge is drawn without letters");
        assertThat(plain.render(attendee)).isNotEqualTo(lettered.render(attendee));
    }

    @Test
    void should_vary_the_picture_with_the_person_not_only_the_initials() throws IOException {
        // Two people with the same initials still look different beyond the badge.
        Attendee anna = new Attendee(1, "Anna Berg", "anna.berg@example.com", "Acme", "Event", null, null, null, null,
                List.of(), List.of(), "", null);
        Attendee adam = new Attendee(1, "Adam Brandt", "adam.brandt@example.com", "Acme", "Event", null, null, null,
                null, List.of(), List.of(), "", null);
        AvatarImageProvider avatars = AvatarImageProvider.builder().initials(false).build();

        BufferedImage a = ImageIO.read(new ByteArrayInputStream(avatars.render(anna)));
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(avatars.render(adam)));
        int differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                differing += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        assertThat(differing).as("pixels that differ").isGreaterThan(a.getWidth() * a.getHeight() / 4);
    }

    @Test
    void should_reject_a_size_out_of_range_naming_the_limits() {
        assertThatThrownBy(() -> AvatarImageProvider.builder().size(8))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("image size must be between 32 and 1024 pixels, was 8");
    }

    @Test
    void should_give_every_attendee_of_a_generated_file_an_image_beside_it() throws IOException {
        Path out = temp.resolve("run");
        Path csv = out.resolve("attendees.csv");
        try (AvatarImageProvider avatars = AvatarImageProvider.create()) {
            AttendeeGenerator generator = AttendeeGenerator.builder().seed(5).imageProvider(avatars)
                    .outputDirectory(out).build();
            GenerationSummary summary;
            Files.createDirectories(out);
            try (AttendeeFileSink sink = AttendeeFormat.CSV.open(csv)) {
                summary = generator.writeTo(sink, 300);
            }

            assertThat(summary.imageOrigins()).containsExactly(java.util.Map.entry("avatar", 300L));
            assertThat(summary.notes()).anyMatch(n -> n.startsWith("images in ") && n.endsWith("images"));
        }
        List<Attendee> written = AttendeeFormat.readAll(csv);
        assertThat(written).hasSize(300);
        for (Attendee a : written) {
            assertThat(a.imagePath()).isEqualTo("images/" + a.id() + ".png");
            assertThat(out.resolve(a.imagePath())).isRegularFile();
        }
    }

    @Test
    void should_replace_a_planted_link_instead_of_writing_through_it() throws IOException {
        Path out = Files.createDirectories(temp.resolve("linked"));
        Path victim = Files.writeString(temp.resolve("victim.txt"), "keep me");
        Attendee attendee = attendees(1).get(0);
        Files.createDirectories(out.resolve("images"));
        Files.createSymbolicLink(out.resolve("images/" + attendee.id() + ".png"), victim);

        try (AvatarImageProvider avatars = AvatarImageProvider.create()) {
            avatars.imageFor(attendee, out);
        }

        assertThat(Files.readString(victim)).isEqualTo("keep me");
        assertThat(Files.isSymbolicLink(out.resolve("images/" + attendee.id() + ".png"))).isFalse();
    }

    @Test
    void should_refuse_an_images_folder_that_links_outside_the_output_folder() throws IOException {
        Path out = Files.createDirectories(temp.resolve("escape"));
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve("images"), elsewhere);

        try (AvatarImageProvider avatars = AvatarImageProvider.create()) {
            assertThatThrownBy(() -> avatars.imageFor(attendees(1).get(0), out))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("outside the output folder");
        }
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void should_refuse_an_images_file_in_the_way_naming_it() throws IOException {
        Path out = Files.createDirectories(temp.resolve("file-in-the-way"));
        Files.writeString(out.resolve("images"), "not a folder");

        try (AvatarImageProvider avatars = AvatarImageProvider.create()) {
            assertThatThrownBy(() -> avatars.imageFor(attendees(1).get(0), out))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage(out.resolve("images") + " is a file, not a folder; remove it or write somewhere else");
        }
    }

    @Test
    void should_remove_an_older_image_of_another_type_for_the_same_attendee() throws IOException {
        Path out = Files.createDirectories(temp.resolve("rerun"));
        Attendee attendee = attendees(1).get(0);
        Path old = Files.createDirectories(out.resolve("images")).resolve(attendee.id() + ".jpg");
        Files.write(old, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

        try (AvatarImageProvider avatars = AvatarImageProvider.create()) {
            avatars.imageFor(attendee, out);
        }

        assertThat(old).doesNotExist();
        assertThat(out.resolve("images/" + attendee.id() + ".png")).isRegularFile();
    }

    @Test
    void should_leave_no_temporary_files_behind() throws IOException {
        Path out = temp.resolve("clean");
        try (AvatarImageProvider avatars = AvatarImageProvider.create()) {
            avatars.imagesFor(attendees(40), out);
        }
        try (Stream<Path> files = Files.list(out.resolve("images"))) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.matches("\\d+\\.png"));
        }
    }

    private static List<String> chunkTypes(byte[] png) {
        ByteBuffer buffer = ByteBuffer.wrap(png);
        buffer.position(8);
        List<String> types = new ArrayList<>();
        while (buffer.remaining() >= 12) {
            int length = buffer.getInt();
            byte[] type = new byte[4];
            buffer.get(type);
            types.add(new String(type, StandardCharsets.US_ASCII));
            buffer.position(buffer.position() + length + 4);
        }
        return types;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
