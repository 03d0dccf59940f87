package dev.attendees.images.internal;

import dev.attendees.Attendee;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Draws one attendee's avatar: a head-and-shoulders illustration on a patterned background, with
 * the attendee's initials on a small conference badge. Every choice (background, skin tone, hair
 * style and colour, clothes, glasses, expression ...) comes from a hash of the attendee's name and
 * e-mail, so the same attendee always gets the same picture; the lanyard's colour comes from the
 * company (colleagues match) and the badge's band from the event. Stateless and thread-safe.
 *
 * <p>Drawing happens on a 256-unit canvas scaled to the requested size, so every size shows the
 * same picture.
 */
public final class AvatarPainter {
    private static final double CANVAS = 256;

    private static final Color[] BACKGROUNDS = colors(
            "#F4D6CC", "#F9E0AE", "#DCEFD4", "#CDE7EA", "#D6DCF5", "#E8D5F0", "#F7D4E1", "#FBE7C6",
            "#C9E4DE", "#DDE5B6", "#F2E8CF", "#BFD7EA", "#F5CAC3", "#E3D5CA", "#D0F4DE", "#FFE5D9");
    private static final Color[] SKIN = colors(
            "#FDDCC4", "#F6CBA6", "#EEB990", "#E0A77E", "#CF9468", "#B97A53", "#9E6440", "#814D2F",
            "#673A22", "#F2D0B4");
    private static final Color[] HAIR = colors(
            "#1C1A1A", "#2F2119", "#4A3122", "#6A4328", "#8F5A34", "#A8683C", "#C89A5B", "#E2C58C",
            "#2F2119", "#1C1A1A", "#4A3122", "#6A4328", "#9A9A9A", "#D8D8D8");
    private static final Color[] DYED = colors("#3E7CB1", "#C2477A", "#6C4AB6", "#2A9D8F", "#E76F51");
    private static final Color[] CLOTHES = colors(
            "#264653", "#2A9D8F", "#E9C46A", "#F4A261", "#E76F51", "#3D5A80", "#98C1D9", "#EE6C4D",
            "#293241", "#6D597A", "#B56576", "#355070", "#588157", "#A3B18A", "#FFFFFF", "#5E6472");
    private static final Color[] ACCENTS = colors(
            "#E63946", "#1D3557", "#457B9D", "#2A9D8F", "#F4A261", "#8338EC", "#FF006E", "#3A86FF",
            "#FB5607", "#06D6A0", "#118AB2", "#EF476F");
    private static final Color[] FRAMES = colors("#1F1F1F", "#5B3A29", "#8C6D46", "#C0A062", "#2B4C7E", "#9B2335");
    private static final Color INK = new Color(0x26, 0x32, 0x38);
    private static final Color WHITE = Color.WHITE;

    private enum Hair { SHORT, SIDE_PART, LONG, BOB, BUN, CURLY, AFRO, BUZZ, BALD, PONYTAIL }

    private enum Top { CREW, V_NECK, COLLAR, HOODIE, BLAZER, TURTLENECK }

    private final int size;
    private final Font font;
    /** The gradient backdrops, one per background colour, painted once (a gradient costs per pixel). */
    private final Map<Color, BufferedImage> backdrops = new ConcurrentHashMap<>();

    /**
     * @param size the width and height in pixels
     * @param font the font of the initials, or {@code null} to draw the badge without letters
     */
    public AvatarPainter(int size, Font font) {
        this.size = size;
        this.font = font;
    }

    /** The avatar of {@code attendee}, {@code size} pixels square, opaque RGB. */
    public BufferedImage paint(Attendee attendee, String initials) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            Traits t = new Traits(attendee);
            g.drawImage(backdrops.computeIfAbsent(t.bg, this::backdrop), 0, 0, null);
            g.scale(size / CANVAS, size / CANVAS);
            background(g, t);
            back(g, t);
            body(g, t);
            head(g, t);
            badge(g, t, initials);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Everything the picture shows, chosen once from the attendee's hashes. */
    private static final class Traits {
        final Color bg;
        final int pattern;
        final double patternTurn;
        final Color skin;
        final Color hairColor;
        final Hair hair;
        final Color clothes;
        final Top top;
        final double headW;
        final double headH;
        final double cy;
        final double shoulders;
        final double eyeGap;
        final double eyeSize;
        final int mouth;
        final double mouthWidth;
        final boolean blush;
        final int glasses;
        final Color frame;
        final boolean earrings;
        final boolean fringe;
        final Color lanyard;
        final Color band;
        final double badgeTilt;
        final double jitter;

        Traits(Attendee a) {
            Stream r = new Stream(hash(a.name() + '\u0000' + a.email()));
            bg = pick(BACKGROUNDS, r);
            pattern = r.nextInt(6);
            patternTurn = r.nextDouble();
            skin = pick(SKIN, r);
            Color natural = pick(HAIR, r);
            hairColor = r.nextDouble() < 0.07 ? pick(DYED, r) : natural;
            hair = Hair.values()[r.nextInt(Hair.values().length)];
            Color c = pick(CLOTHES, r);
            clothes = c.equals(bg) ? CLOTHES[0] : c;
            top = Top.values()[r.nextInt(Top.values().length)];
            headW = 44 + r.nextDouble() * 8;
            headH = 54 + r.nextDouble() * 7;
            cy = 106 + r.nextDouble() * 8;
            shoulders = 92 + r.nextDouble() * 18;
            eyeGap = 15 + r.nextDouble() * 5;
            eyeSize = 4.2 + r.nextDouble() * 1.6;
            mouth = r.nextInt(4);
            mouthWidth = 14 + r.nextDouble() * 12;
            blush = r.nextDouble() < 0.45;
            glasses = r.nextDouble() < 0.3 ? 1 + r.nextInt(2) : 0;
            frame = pick(FRAMES, r);
            earrings = r.nextDouble() < 0.25;
            fringe = r.nextDouble() < 0.5;
            badgeTilt = (r.nextDouble() - 0.5) * 0.16;
            jitter = r.nextDouble();
            lanyard = ACCENTS[(int) Long.remainderUnsigned(hash(a.company() == null ? a.email() : a.company()), ACCENTS.length)];
            Color b = ACCENTS[(int) Long.remainderUnsigned(hash(a.eventName()), ACCENTS.length)];
            band = b.equals(lanyard) ? ACCENTS[(indexOf(ACCENTS, b) + 5) % ACCENTS.length] : b;
        }
    }

    /** A soft top-to-bottom gradient of {@code bg}, {@code size} pixels square. */
    private BufferedImage backdrop(Color bg) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, shade(bg, 1.06), 0, size, shade(bg, 0.94)));
        g.fillRect(0, 0, size, size);
        g.dispose();
        return image;
    }

    private static void background(Graphics2D g, Traits t) {
        Color light = new Color(255, 255, 255, 70);
        Color dark = withAlpha(shade(t.bg, 0.8), 60);
        switch (t.pattern) {
            case 0 -> { // soft bubbles
                g.setColor(light);
                g.fill(circle(40 + t.patternTurn * 40, 50, 58));
                g.fill(circle(220, 60 + t.patternTurn * 50, 36));
                g.setColor(dark);
                g.fill(circle(210 - t.patternTurn * 30, 200, 70));
            }
            case 1 -> { // diagonal stripes
                g.setColor(light);
                AffineTransform saved = g.getTransform();
                g.rotate(-0.6 + t.patternTurn * 0.3, CANVAS / 2, CANVAS / 2);
                for (int x = -256; x < 512; x += 40) {
                    g.fill(new Rectangle2D.Double(x, -256, 16, 768));
                }
                g.setTransform(saved);
            }
            case 2 -> { // dot grid
                g.setColor(dark);
                double off = t.patternTurn * 16;
                for (double y = 8 + off; y < CANVAS; y += 24) {
                    for (double x = 8 + off; x < CANVAS; x += 24) {
                        g.fill(circle(x, y, 2.6));
                    }
                }
            }
            case 3 -> { // rings behind the head
                g.setStroke(new BasicStroke(10f));
                g.setColor(light);
                for (int r = 70; r < 200; r += 34) {
                    g.draw(circle(128, t.cy, r));
                }
            }
            case 4 -> { // a sun and a hill
                g.setColor(withAlpha(shade(t.bg, 1.2), 150));
                g.fill(circle(190 - t.patternTurn * 120, 62, 40));
                g.setColor(dark);
                g.fill(new Ellipse2D.Double(-60, 170, 380, 200));
            }
            default -> { // two tones, split on a slant
                Path2D split = new Path2D.Double();
                split.moveTo(0, 150 + t.patternTurn * 60);
                split.lineTo(CANVAS, 60 + t.patternTurn * 60);
                split.lineTo(CANVAS, CANVAS);
                split.lineTo(0, CANVAS);
                split.closePath();
                g.setColor(dark);
                g.fill(split);
            }
        }
    }

    /** Hair that falls behind the head and shoulders. */
    private static void back(Graphics2D g, Traits t) {
        g.setColor(t.hairColor);
        double w = t.headW;
        double h = t.headH;
        switch (t.hair) {
            case LONG -> g.fill(new RoundRectangle2D.Double(128 - w - 12, t.cy - h + 4, 2 * w + 24, h + 112, 70, 60));
            case BOB -> g.fill(new RoundRectangle2D.Double(128 - w - 10, t.cy - h + 2, 2 * w + 20, h * 1.55, 60, 40));
            case AFRO -> {
                // One colour, opaque: overlapping fills look like their union, at a fraction of the cost.
                for (int i = 0; i < 14; i++) {
                    double angle = Math.PI * 2 * i / 14 + t.jitter;
                    g.fill(circle(128 + Math.cos(angle) * (w + 10), t.cy - 18 + Math.sin(angle) * (h + 2), 24));
                }
                g.fill(new Ellipse2D.Double(128 - w - 22, t.cy - h - 30, 2 * w + 44, 2 * h + 30));
            }
            case PONYTAIL -> {
                double side = t.jitter < 0.5 ? -1 : 1;
                g.fill(new Ellipse2D.Double(128 + side * (w - 6) - 16, t.cy - 20, 32, 80));
            }
            default -> {
                // Nothing behind.
            }
        }
    }

    private static void body(Graphics2D g, Traits t) {
        double half = t.shoulders;
        double neckTop = t.cy + t.headH * 0.55;
        // Neck, with the chin's shadow.
        g.setColor(shade(t.skin, 0.9));
        g.fill(new RoundRectangle2D.Double(110, neckTop - 10, 36, 58, 14, 14));
        g.setColor(shade(t.skin, 0.78));
        g.fill(new Ellipse2D.Double(110, neckTop - 14, 36, 22));
        // Shoulders.
        Path2D torso = new Path2D.Double();
        double top = 196;
        torso.moveTo(128 - half - 20, CANVAS + 2);
        torso.curveTo(128 - half - 14, top + 22, 128 - half + 16, top, 104, top - 4);
        torso.lineTo(152, top - 4);
        torso.curveTo(128 + half - 16, top, 128 + half + 14, top + 22, 128 + half + 20, CANVAS + 2);
        torso.closePath();
        if (t.top == Top.HOODIE) {
            g.setColor(shade(t.clothes, 0.85));
            g.fill(new RoundRectangle2D.Double(78, top - 22, 100, 50, 40, 40));
        }
        g.setColor(t.clothes);
        g.fill(torso);
        Color darker = shade(t.clothes, 0.78);
        switch (t.top) {
            case CREW -> {
                g.setColor(shade(t.skin, 0.9));
                g.fill(new Arc2D.Double(108, top - 20, 40, 34, 180, 180, Arc2D.CHORD));
                g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.setColor(darker);
                g.draw(new Arc2D.Double(108, top - 20, 40, 34, 180, 180, Arc2D.OPEN));
            }
            case V_NECK -> {
                Path2D v = new Path2D.Double();
                v.moveTo(106, top - 6);
                v.lineTo(128, top + 26);
                v.lineTo(150, top - 6);
                v.closePath();
                g.setColor(shade(t.skin, 0.9));
                g.fill(v);
                g.setStroke(new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.setColor(darker);
                g.draw(v);
            }
            case COLLAR -> {
                g.setColor(shade(t.skin, 0.9));
                g.fill(new Arc2D.Double(110, top - 18, 36, 30, 180, 180, Arc2D.CHORD));
                g.setColor(t.clothes.equals(Color.WHITE) ? new Color(0xE6, 0xE9, 0xEF) : Color.WHITE);
                g.fill(triangle(104, top - 8, 128, top + 10, 114, top + 22));
                g.fill(triangle(152, top - 8, 128, top + 10, 142, top + 22));
            }
            case HOODIE -> {
                g.setColor(shade(t.skin, 0.9));
                g.fill(new Arc2D.Double(108, top - 18, 40, 34, 180, 180, Arc2D.CHORD));
                g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.setColor(Color.WHITE);
                g.draw(new Line2D.Double(116, top + 12, 114, top + 40));
                g.draw(new Line2D.Double(140, top + 12, 142, top + 40));
            }
            case BLAZER -> {
                Color shirt = t.clothes.equals(Color.WHITE) ? new Color(0xCF, 0xE1, 0xF2) : Color.WHITE;
                Path2D v = new Path2D.Double();
                v.moveTo(104, top - 6);
                v.lineTo(128, top + 62);
                v.lineTo(152, top - 6);
                v.closePath();
                g.setColor(shirt);
                g.fill(v);
                g.setColor(darker);
                g.fill(triangle(104, top - 6, 122, top + 48, 96, top + 20));
                g.fill(triangle(152, top - 6, 134, top + 48, 160, top + 20));
            }
            default -> { // turtleneck
                g.setColor(darker);
                g.fill(new RoundRectangle2D.Double(106, top - 24, 44, 30, 14, 14));
            }
        }
    }

    private static void head(Graphics2D g, Traits t) {
        double w = t.headW;
        double h = t.headH;
        double cy = t.cy;
        // Ears.
        g.setColor(shade(t.skin, 0.95));
        g.fill(new Ellipse2D.Double(128 - w - 8, cy - 8, 18, 28));
        g.fill(new Ellipse2D.Double(128 + w - 10, cy - 8, 18, 28));
        if (t.earrings) {
            g.setColor(new Color(0xE9, 0xC4, 0x6A));
            g.fill(circle(128 - w - 1, cy + 24, 3.5));
            g.fill(circle(128 + w + 1, cy + 24, 3.5));
        }
        Ellipse2D face = new Ellipse2D.Double(128 - w, cy - h, 2 * w, 2 * h);
        g.setColor(t.skin);
        g.fill(face);
        frontHair(g, t, face);
        // Eyebrows.
        Color brow = shade(t.hairColor.equals(HAIR[HAIR.length - 1]) ? HAIR[HAIR.length - 2] : t.hairColor, 0.85);
        g.setColor(brow);
        g.setStroke(new BasicStroke(3.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double eyeY = cy + 4;
        double lift = t.mouth == 3 ? 2 : 0;
        g.draw(new Arc2D.Double(128 - t.eyeGap - 9, eyeY - 16 - lift, 18, 10, 30, 120, Arc2D.OPEN));
        g.draw(new Arc2D.Double(128 + t.eyeGap - 9, eyeY - 16 - lift, 18, 10, 30, 120, Arc2D.OPEN));
        // Eyes with a glint.
        g.setColor(INK);
        g.fill(circle(128 - t.eyeGap, eyeY, t.eyeSize));
        g.fill(circle(128 + t.eyeGap, eyeY, t.eyeSize));
        g.setColor(WHITE);
        g.fill(circle(128 - t.eyeGap + 1.5, eyeY - 1.5, 1.3));
        g.fill(circle(128 + t.eyeGap + 1.5, eyeY - 1.5, 1.3));
        // Nose.
        g.setColor(shade(t.skin, 0.8));
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Arc2D.Double(122, eyeY + 8, 12, 12, 200, 140, Arc2D.OPEN));
        if (t.blush) {
            g.setColor(new Color(0xF2, 0x7A, 0x8A, 60));
            g.fill(circle(128 - t.eyeGap - 8, eyeY + 16, 8));
            g.fill(circle(128 + t.eyeGap + 8, eyeY + 16, 8));
        }
        mouth(g, t, eyeY + 30);
        if (t.glasses > 0) {
            glasses(g, t, eyeY);
        }
    }

    private static void frontHair(Graphics2D g, Traits t, Ellipse2D face) {
        double w = t.headW;
        double h = t.headH;
        double cy = t.cy;
        g.setColor(t.hairColor);
        Ellipse2D capShape = new Ellipse2D.Double(128 - w - 4, cy - h - 6, 2 * w + 8, 2 * h + 4);
        double hairline = cy - h * (t.fringe ? 0.2 : 0.38);
        // Straight cuts are clips (cheap, and shape edges stay smooth); only the forehead's curve
        // needs constructive geometry.
        Shape clip = g.getClip();
        switch (t.hair) {
            case SHORT, LONG, BOB, PONYTAIL -> {
                // The forehead is an ellipse cut out of the cap: a rounded hairline, swept to one
                // side for a fringe; the sides stay down to the temples.
                double sweep = t.fringe ? (t.jitter - 0.5) * 2 * w * 0.45 : 0;
                Area cap = area(capShape);
                cap.subtract(area(new Ellipse2D.Double(128 - w * 0.82 + sweep, hairline, 2 * w * 0.82, 2 * h)));
                g.clip(above(cy + (t.hair == Hair.SHORT ? -h * 0.1 : h * 0.25)));
                g.fill(cap);
            }
            case SIDE_PART -> {
                Path2D swoop = new Path2D.Double();
                double side = t.jitter < 0.5 ? -1 : 1;
                swoop.moveTo(128 + side * 10, cy - h - 2);
                swoop.curveTo(128 - side * 20, cy - h * 0.7, 128 - side * 40, cy - h * 0.45, 128 - side * (w + 4), cy - h * 0.05);
                swoop.lineTo(128 - side * (w + 4), cy - h * 0.6);
                swoop.closePath();
                g.fill(swoop);
                g.clip(above(cy - h * 0.35));
                g.fill(capShape);
            }
            case BUN -> {
                g.fill(circle(128, cy - h - 14, 20));
                g.clip(above(cy - h * 0.4));
                g.fill(capShape);
            }
            case CURLY -> {
                g.clip(above(cy - 2));
                for (int i = 0; i <= 10; i++) {
                    double angle = Math.PI + Math.PI * i / 10;
                    g.fill(circle(128 + Math.cos(angle) * (w + 2), cy - 8 + Math.sin(angle) * (h + 2), 13));
                }
                g.fill(capShape);
                // The face shows through the curls: this ellipse lies inside the face, so skin
                // drawn over it restores exactly the face's pixels.
                g.setColor(t.skin);
                g.fill(new Ellipse2D.Double(128 - w + 12, cy - h * 0.45, 2 * w - 24, h * 1.5));
            }
            case AFRO -> {
                g.clip(above(cy - h * 0.5));
                g.fill(capShape);
            }
            case BUZZ -> {
                // Above the temples the cap covers the whole face: shade the face there.
                g.clip(above(cy - h * 0.5));
                g.setColor(withAlpha(t.hairColor, 150));
                g.fill(face);
            }
            default -> {
                // Bald: a little shine.
                g.setColor(new Color(255, 255, 255, 50));
                g.fill(new Ellipse2D.Double(128 - w * 0.5, cy - h * 0.92, w * 0.7, h * 0.3));
            }
        }
        g.setClip(clip);
    }

    /** Everything above {@code y}. */
    private static Rectangle2D above(double y) {
        return new Rectangle2D.Double(-CANVAS, -CANVAS, 3 * CANVAS, y + CANVAS);
    }

    private static void mouth(Graphics2D g, Traits t, double y) {
        double mw = t.mouthWidth;
        switch (t.mouth) {
            case 0, 3 -> { // open smile
                Arc2D smile = new Arc2D.Double(128 - mw / 2, y - mw / 2.4, mw, mw / 1.2, 180, 180, Arc2D.CHORD);
                g.setColor(new Color(0x7A, 0x2E, 0x2E));
                g.fill(smile);
                g.setColor(WHITE);
                g.fill(new Rectangle2D.Double(128 - mw / 2 + 2, y, mw - 4, 3));
            }
            case 1 -> { // closed smile
                g.setColor(new Color(0x7A, 0x2E, 0x2E));
                g.setStroke(new BasicStroke(3.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Arc2D.Double(128 - mw / 2, y - mw / 2.5, mw, mw / 1.4, 200, 140, Arc2D.OPEN));
            }
            default -> { // a calm line
                g.setColor(new Color(0x7A, 0x2E, 0x2E));
                g.setStroke(new BasicStroke(3.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Arc2D.Double(128 - mw / 3, y - 3, mw / 1.5, 8, 210, 120, Arc2D.OPEN));
            }
        }
    }

    private static void glasses(Graphics2D g, Traits t, double eyeY) {
        g.setColor(t.frame);
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double r = 11;
        Shape left;
        Shape right;
        if (t.glasses == 1) {
            left = circle(128 - t.eyeGap, eyeY, r);
            right = circle(128 + t.eyeGap, eyeY, r);
        } else {
            left = new RoundRectangle2D.Double(128 - t.eyeGap - 13, eyeY - 9, 26, 18, 8, 8);
            right = new RoundRectangle2D.Double(128 + t.eyeGap - 13, eyeY - 9, 26, 18, 8, 8);
        }
        g.setColor(new Color(255, 255, 255, 45));
        g.fill(left);
        g.fill(right);
        g.setColor(t.frame);
        g.draw(left);
        g.draw(right);
        double inner = t.glasses == 1 ? r : 13;
        g.draw(new Line2D.Double(128 - t.eyeGap + inner, eyeY - 2, 128 + t.eyeGap - inner, eyeY - 2));
        g.draw(new Line2D.Double(128 - t.eyeGap - inner, eyeY - 2, 128 - t.headW + 1, eyeY - 5));
        g.draw(new Line2D.Double(128 + t.eyeGap + inner, eyeY - 2, 128 + t.headW - 1, eyeY - 5));
    }

    /** The conference badge on its lanyard, with the initials (or lines of "text" without a font). */
    private void badge(Graphics2D g, Traits t, String initials) {
        double bx = 150;
        double by = 214;
        double bw = 50;
        double bh = 36;
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(t.lanyard);
        g.draw(new Line2D.Double(112, 192, bx + bw / 2 - 8, by + 2));
        g.draw(new Line2D.Double(146, 192, bx + bw / 2 + 2, by + 2));
        AffineTransform saved = g.getTransform();
        g.rotate(t.badgeTilt, bx + bw / 2, by);
        g.setColor(new Color(0, 0, 0, 40));
        g.fill(new RoundRectangle2D.Double(bx + 1.5, by + 2, bw, bh, 7, 7));
        g.setColor(WHITE);
        g.fill(new RoundRectangle2D.Double(bx, by, bw, bh, 7, 7));
        g.setColor(t.band);
        Shape clip = g.getClip();
        g.clip(new Rectangle2D.Double(bx, by, bw, 9));
        g.fill(new RoundRectangle2D.Double(bx, by, bw, bh, 7, 7));
        g.setClip(clip);
        g.setColor(INK);
        if (font != null && initials != null && !initials.isEmpty()) {
            Font f = font.deriveFont(Font.BOLD, initials.codePointCount(0, initials.length()) > 1 ? 17f : 19f);
            g.setFont(f);
            FontMetrics fm = g.getFontMetrics();
            float x = (float) (bx + (bw - fm.stringWidth(initials)) / 2);
            float y = (float) (by + 9 + (bh - 9 + fm.getAscent() - fm.getDescent()) / 2);
            g.drawString(initials, x, y);
        } else {
            g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(bx + 9, by + 18, bx + bw - 9, by + 18));
            g.setColor(new Color(0x90, 0xA4, 0xAE));
            g.draw(new Line2D.Double(bx + 9, by + 27, bx + bw - 20, by + 27));
        }
        g.setTransform(saved);
    }

    /**
     * {@code shape} as an {@link Area} of straight segments: constructive geometry on polygons is
     * many times cheaper than on curves, and at a quarter of a canvas unit nobody sees the corners.
     */
    private static Area area(Shape shape) {
        Path2D.Double flat = new Path2D.Double();
        flat.append(shape.getPathIterator(null, 0.25), false);
        return new Area(flat);
    }

    private static Ellipse2D circle(double cx, double cy, double r) {
        return new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
    }

    private static Path2D triangle(double x1, double y1, double x2, double y2, double x3, double y3) {
        Path2D p = new Path2D.Double();
        p.moveTo(x1, y1);
        p.lineTo(x2, y2);
        p.lineTo(x3, y3);
        p.closePath();
        return p;
    }

    private static Color shade(Color c, double factor) {
        return new Color(clamp(c.getRed() * factor), clamp(c.getGreen() * factor), clamp(c.getBlue() * factor));
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static Color pick(Color[] colors, Stream r) {
        return colors[r.nextInt(colors.length)];
    }

    private static int indexOf(Color[] colors, Color c) {
        for (int i = 0; i < colors.length; i++) {
            if (colors[i].equals(c)) {
                return i;
            }
        }
        return 0;
    }

    private static Color[] colors(String... hex) {
        Color[] out = new Color[hex.length];
        for (int i = 0; i < hex.length; i++) {
            out[i] = Color.decode(hex[i]);
        }
        return out;
    }

    /** A 64-bit FNV-1a hash of the text's UTF-8 bytes, finished with a SplitMix64 mix. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** SplitMix64: the same numbers for the same hash on every JVM. */
    private static final class Stream {
        private long state;

        Stream(long seed) {
            this.state = seed;
        }

        long nextLong() {
            return mix(state += 0x9e3779b97f4a7c15L);
        }

        double nextDouble() {
            return (nextLong() >>> 11) * 0x1.0p-53;
        }

        int nextInt(int bound) {
            return (int) (((nextLong() >>> 32) * bound) >>> 32);
        }
    }
}
