package dev.attendees.images.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * The image formats accepted from remote services and written to disk, each with its one file
 * extension, media type and magic bytes. A file's extension always comes from here, never from
 * remote input.
 */
public enum ImageType {
    JPEG("jpg", "image/jpeg"),
    PNG("png", "image/png"),
    WEBP("webp", "image/webp");

    /** Bytes needed to recognise every type. */
    public static final int SNIFF_LENGTH = 12;

    private final String extension;
    private final String mediaType;

    ImageType(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The media type, e.g. {@code image/jpeg}. */
    public String mediaType() {
        return mediaType;
    }

    /** The type a {@code Content-Type} header names (parameters ignored), if it is one of ours. */
    public static Optional<ImageType> ofMediaType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String bare = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (bare.equals("image/jpg") || bare.equals("image/pjpeg")) {
            return Optional.of(JPEG);
        }
        for (ImageType t : values()) {
            if (t.mediaType.equals(bare)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The type the first bytes show (JPEG {@code FF D8 FF}, PNG signature, WebP {@code RIFF....WEBP}). */
    public static Optional<ImageType> sniff(byte[] head, int length) {
        if (length >= 3 && u(head[0]) == 0xFF && u(head[1]) == 0xD8 && u(head[2]) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (length >= 8 && u(head[0]) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G'
                && head[4] == '\r' && head[5] == '\n' && u(head[6]) == 0x1A && head[7] == '\n') {
            return Optional.of(PNG);
        }
        if (length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static int u(byte b) {
        return b & 0xFF;
    }
}
