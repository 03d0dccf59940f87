package dev.attendees.images;

import dev.attendees.Attendee;
import dev.attendees.ConfigurationException;
import dev.attendees.images.internal.AvatarRenderer;
import dev.attendees.images.internal.ImageFolder;
import dev.attendees.images.internal.ImageType;
import dev.attendees.spi.ImageProvider;
import dev.attendees.spi.ProviderReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * Draws each attendee a local avatar: a head-and-shoulders illustration whose background, skin
 * tone, hair, clothes, glasses and expression follow from the attendee's name and e-mail, with
 * their initials on a small conference badge (the lanyard's colour follows the company, the
 * badge's band the event). PNG, {@value #DEFAULT_SIZE} px square by default, no network, and the
 * same attendee always gets the same bytes. Thread-safe; batches are drawn on all cores. The files
 * of a run that fails can be taken back out ({@link #discard()}).
 *
 * <pre>{@code
 * try (AvatarImageProvider avatars = AvatarImageProvider.builder().size(256).build()) {
 *     AttendeeGenerator generator = AttendeeGenerator.builder()
 *             .imageProvider(avatars)
 *             .outputDirectory(Path.of("out"))       // images go to out/images/<id>.png
 *             .build();
 *     generator.generate(100).get(0).imagePath();    // "images/1.png"
 *     byte[] png = avatars.render(generator.attendee(0));
 * }
 * }</pre>
 *
 * <p>Without any font installed (a bare container), badges show no letters and nothing fails.
 */
public final class AvatarImageProvider implements ImageProvider {

    /**
     * The width and height in pixels when none is given: {@value}. Enough for lists, badges and
     * CRM cards (64 CSS pixels on a high-density screen), about 6 KB a file, and 5,000 avatars
     * drawn in about 3 s on one core (6 s with their files); ask for 256 for profile pages (about
     * 13 KB, two and a half times the time).
     */
    public static final int DEFAULT_SIZE = 128;

    /** The smallest size: {@value} pixels. */
    public static final int MIN_SIZE = 32;

    /** The largest size: {@value} pixels. */
    public static final int MAX_SIZE = 1024;

    /** The name in summaries and origin counts: {@value}. */
    public static final String NAME = "avatar";

    private static final int PARALLEL_BATCH = 32;

    private final AvatarRenderer renderer;
    private final ImageFolder.Registry folders = new ImageFolder.Registry();
    private final LongAdder drawn = new LongAdder();

    private AvatarImageProvider(Builder b) {
        this.renderer = new AvatarRenderer(b.size, b.initials);
    }

    /** A provider with every default: {@value #DEFAULT_SIZE} px, initials on. */
    public static AvatarImageProvider create() {
        return builder().build();
    }

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The width and height in pixels. */
    public int size() {
        return renderer.size();
    }

    /** The attendee's avatar as PNG bytes, without writing a file. */
    public byte[] render(Attendee attendee) {
        return renderer.png(attendee);
    }

    /**
     * Writes {@code images/<id>.png} under {@code outputDir} and returns that relative path.
     *
     * @throws dev.attendees.AttendeeException only when the folder cannot be written (a full disk,
     *     no permission, or an {@code images} link leading outside the output folder)
     */
    @Override
    public String imageFor(Attendee attendee, Path outputDir) {
        String path = folders.of(outputDir).write(attendee.id(), ImageType.PNG, renderer.png(attendee));
        drawn.increment();
        return path;
    }

    @Override
    public List<String> imagesFor(List<Attendee> batch, Path outputDir) {
        if (batch.size() < PARALLEL_BATCH) {
            List<String> paths = new ArrayList<>(batch.size());
            batch.forEach(a -> paths.add(imageFor(a, outputDir)));
            return paths;
        }
        String[] paths = new String[batch.size()];
        IntStream.range(0, batch.size()).parallel().forEach(i -> paths[i] = imageFor(batch.get(i), outputDir));
        return Arrays.asList(paths);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Keeps the avatars drawn so far: a later {@link #discard()} leaves them. */
    @Override
    public void commit() {
        folders.commit();
    }

    /**
     * Removes the avatar files this run created and puts back the files it replaced (an earlier
     * run's {@code images/7.png}); draws no more files afterwards.
     */
    @Override
    public void discard() {
        folders.discard();
    }

    /** Keeps what was not discarded. */
    @Override
    public void close() {
        folders.commit();
    }

    /** {@code {avatar=n}}, and a note on where the files are (and when fonts are missing). */
    @Override
    public ProviderReport report() {
        long n = drawn.sum();
        if (n == 0) {
            return ProviderReport.EMPTY;
        }
        List<String> notes = new ArrayList<>();
        folders.all().forEach(f -> notes.add("images in " + f.dir()));
        if (!AvatarRenderer.fontAvailable()) {
            notes.add("no fonts installed: avatars without initials (install fonts-dejavu-core)");
        }
        return new ProviderReport(Map.of(NAME, n), notes);
    }

    /** Configures an {@link AvatarImageProvider}. */
    public static final class Builder {
        private int size = DEFAULT_SIZE;
        private boolean initials = true;

        private Builder() {}

        /** Width and height in pixels, {@value #MIN_SIZE}..{@value #MAX_SIZE}; {@value #DEFAULT_SIZE} by default. */
        public Builder size(int pixels) {
            if (pixels < MIN_SIZE || pixels > MAX_SIZE) {
                throw new ConfigurationException("image size must be between " + MIN_SIZE + " and " + MAX_SIZE
                        + " pixels, was " + pixels);
            }
            this.size = pixels;
            return this;
        }

        /** Whether the badge shows the attendee's initials (on by default). */
        public Builder initials(boolean on) {
            this.initials = on;
            return this;
        }

        /** The provider. */
        public AvatarImageProvider build() {
            return new AvatarImageProvider(this);
        }
    }
}
