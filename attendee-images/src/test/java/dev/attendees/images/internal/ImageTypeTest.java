package dev.attendees.images.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageTypeTest {
    private static Optional<ImageType> sniff(byte... bytes) {
        return ImageType.sniff(bytes, bytes.length);
    }

    @Test
    void should_know_each_type_by_its_magic_bytes() {
        assertThat(sniff((byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0)).contains(ImageType.JPEG);
        assertThat(sniff((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G', (byte) '\r', (byte) '\n', (byte) 0x1A, (byte) '\n'))
                .contains(ImageType.PNG);
        assertThat(sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).contains(ImageType.WEBP);
        assertThat(sniff("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(sniff("<html>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(sniff((byte) 0xFF, (byte) 0xD8)).as("too short").isEmpty();
    }

    @Test
    void should_read_content_types_with_parameters_and_aliases() {
        assertThat(ImageType.ofMediaType("image/jpeg; charset=binary")).contains(ImageType.JPEG);
        assertThat(ImageType.ofMediaType("IMAGE/PNG")).contains(ImageType.PNG);
        assertThat(ImageType.ofMediaType("image/jpg")).contains(ImageType.JPEG);
        assertThat(ImageType.ofMediaType("image/svg+xml")).isEmpty();
        assertThat(ImageType.ofMediaType(null)).isEmpty();
    }
}
