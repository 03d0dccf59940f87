package dev.attendees.images.internal;

import dev.attendees.Attendee;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders avatars to PNG bytes: {@link AvatarPainter} for the picture, {@link Initials} for the
 * badge, {@link Png} for the file (no metadata chunk, so nothing in the bytes depends on the
 * time). Finds a font once; without any (a machine with no fonts installed) the badge shows no
 * letters and everything else is drawn as usual. Thread-safe.
 */
public final class AvatarRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(AvatarRenderer.class);

    /** Fonts tried in order, the first installed one wins; then the JDK's logical sans-serif. */
    static final List<String> FONT_FAMILIES = List.of("DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica");

    private static final Font FONT = findFont();

    private final int size;
    private final boolean initials;
    private final AvatarPainter painter;

    public AvatarRenderer(int size, boolean initials) {
        this.size = size;
        this.initials = initials && FONT != null;
        this.painter = new AvatarPainter(size, this.initials ? FONT : null);
    }

    /** The width and height in pixels. */
    public int size() {
        return size;
    }

    /** Whether the badges show initials (asked for, and a font is installed). */
    public boolean initials() {
        return initials;
    }

    /** Whether any font was found on this machine. */
    public static boolean fontAvailable() {
        return FONT != null;
    }

    /** The attendee's avatar as PNG bytes; the same attendee always gives the same bytes. */
    public byte[] png(Attendee attendee) {
        return Png.encode(image(attendee));
    }

    /** The attendee's avatar as an image. */
    public BufferedImage image(Attendee attendee) {
        return painter.paint(attendee, initials ? Initials.of(attendee, FONT) : "");
    }

    /**
     * The badge font, or {@code null} when this machine has none: then the JDK's font system may
     * throw errors rather than exceptions, so everything it might throw is caught here, once.
     */
    private static Font findFont() {
        if (System.getProperty("java.awt.headless") == null) {
            // No window system is needed (and none should appear, e.g. a Dock icon on macOS).
            System.setProperty("java.awt.headless", "true");
        }
        try {
            Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment()
                    .getAvailableFontFamilyNames(Locale.ROOT));
            String family = FONT_FAMILIES.stream().filter(installed::contains).findFirst()
                    .orElse(installed.isEmpty() ? null : Font.SANS_SERIF);
            if (family == null) {
                LOG.info("no fonts installed: avatars are drawn without initials");
                return null;
            }
            Font font = new Font(family, Font.BOLD, 16);
            // Draw once: a broken font set-up fails here, not in the middle of a run.
            BufferedImage probe = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = probe.createGraphics();
            g.setFont(font);
            g.drawString("AB", 0, 8);
            g.dispose();
            return font;
        } catch (Exception | Error e) {
            // A machine without fonts makes the JDK throw errors: InternalError ("Fontconfig head is
            // null"), UnsatisfiedLinkError, a plain Error. Only a JVM out of memory or stack is beyond help.
            if (e instanceof OutOfMemoryError || e instanceof StackOverflowError) {
                throw (Error) e;
            }
            LOG.info("fonts unavailable ({}): avatars are drawn without initials", e.toString());
            return null;
        }
    }
}
