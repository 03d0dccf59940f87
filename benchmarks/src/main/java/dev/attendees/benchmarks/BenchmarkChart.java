package dev.attendees.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the report's chart with plain Java2D: one horizontal bar of attendees per second for each
 * benchmark and count, grouped by count, on a log scale, with the all-cores target marked.
 */
final class BenchmarkChart {

    private static final int WIDTH = 1320;
    private static final int ROW = 26;
    private static final int GROUP_GAP = 16;
    private static final int LEFT = 360;
    private static final int RIGHT = 120;
    private static final int TOP = 120;
    private static final int BOTTOM = 80;

    /** Series in legend order, with their colours. */
    private static final Map<String, Color> SERIES = new LinkedHashMap<>();

    static {
        SERIES.put("GenerationBenchmark.singleThread", new Color(0x1F77B4));
        SERIES.put("GenerationBenchmark.allCores", new Color(0x2CA02C));
        SERIES.put("GenerationBenchmark.allCoresStream", new Color(0x98DF8A));
        SERIES.put("DatafakerBaselineBenchmark.singleThread", new Color(0xFF7F0E));
        SERIES.put("CsvExportBenchmark.csv", new Color(0x9467BD));
        SERIES.put("CsvExportBenchmark.ndjson", new Color(0xC5B0D5));
        SERIES.put("CsvExportBenchmark.readCsv", new Color(0x8C564B));
        SERIES.put("UniqueEmailsBenchmark.distinctEmails", new Color(0x17BECF));
    }

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("GenerationBenchmark.singleThread", "engine, 1 thread (stream)"),
            Map.entry("GenerationBenchmark.allCores", "engine, all cores (generate)"),
            Map.entry("GenerationBenchmark.allCoresStream", "engine, all cores (parallel stream)"),
            Map.entry("DatafakerBaselineBenchmark.singleThread", "plain Datafaker loop, 1 thread"),
            Map.entry("CsvExportBenchmark.csv", "CSV file, all cores"),
            Map.entry("CsvExportBenchmark.ndjson", "NDJSON file, all cores"),
            Map.entry("CsvExportBenchmark.readCsv", "CSV file read back, 1 thread"),
            Map.entry("UniqueEmailsBenchmark.distinctEmails", "unique e-mails check, all cores"));

    private BenchmarkChart() {}

    static void draw(List<BenchmarkReport.Row> all, Path file, String subtitle) throws IOException {
        List<BenchmarkReport.Row> rows = new ArrayList<>(all.stream()
                .filter(r -> r.count() > 0 && r.perSecond() > 0 && Double.isFinite(r.perSecond())).toList());
        List<String> order = new ArrayList<>(SERIES.keySet());
        rows.sort(Comparator.comparingLong(BenchmarkReport.Row::count)
                .thenComparingInt(r -> order.contains(r.benchmark()) ? order.indexOf(r.benchmark()) : order.size()));
        long groups = rows.stream().mapToLong(BenchmarkReport.Row::count).distinct().count();
        int plotHeight = Math.max(1, rows.size() * ROW + (int) Math.max(0, groups - 1) * GROUP_GAP);
        int height = TOP + plotHeight + BOTTOM;

        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);

            Font base = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
            g.setFont(base.deriveFont(Font.BOLD, 18f));
            g.setColor(Color.BLACK);
            g.drawString("Attendees per second (log scale; higher is better)", 20, 30);
            g.setFont(base.deriveFont(12f));
            g.setColor(Color.DARK_GRAY);
            g.drawString(subtitle, 20, 50);

            // Legend.
            int lx = 20;
            int ly = 74;
            g.setFont(base.deriveFont(12f));
            FontMetrics lfm = g.getFontMetrics();
            for (Map.Entry<String, Color> e : SERIES.entrySet()) {
                if (rows.stream().noneMatch(r -> r.benchmark().equals(e.getKey()))) {
                    continue;
                }
                String label = LABELS.get(e.getKey());
                int w = 14 + 6 + lfm.stringWidth(label) + 18;
                if (lx + w > WIDTH - 20) {
                    lx = 20;
                    ly += 18;
                }
                g.setColor(e.getValue());
                g.fillRect(lx, ly - 11, 14, 12);
                g.setColor(Color.BLACK);
                g.drawString(label, lx + 20, ly);
                lx += w;
            }

            if (rows.isEmpty()) {
                g.drawString("no results", LEFT, TOP + 20);
                ImageIO.write(image, "png", file.toFile());
                return;
            }

            double min = rows.stream().mapToDouble(BenchmarkReport.Row::perSecond).min().orElse(1);
            double max = rows.stream().mapToDouble(BenchmarkReport.Row::perSecond).max().orElse(10);
            min = Math.min(min, BenchmarkReport.TARGET_RATE);
            max = Math.max(max, BenchmarkReport.TARGET_RATE);
            int lo = (int) Math.floor(Math.log10(min));
            int hi = (int) Math.ceil(Math.log10(max));
            if (hi == lo) {
                hi++;
            }
            int plotLeft = LEFT;
            int plotRight = WIDTH - RIGHT;
            int plotTop = TOP;
            int plotBottom = TOP + plotHeight;
            final int loF = lo;
            final int hiF = hi;
            java.util.function.DoubleUnaryOperator x = v ->
                    plotLeft + (Math.log10(v) - loF) / (hiF - loF) * (plotRight - plotLeft);

            // Grid and x axis.
            g.setFont(base.deriveFont(12f));
            FontMetrics fm = g.getFontMetrics();
            for (int e = lo; e <= hi; e++) {
                int gx = (int) Math.round(x.applyAsDouble(Math.pow(10, e)));
                g.setColor(new Color(0xDDDDDD));
                g.drawLine(gx, plotTop - 6, gx, plotBottom);
                if (e < hi) {
                    g.setColor(new Color(0xF0F0F0));
                    for (int k = 2; k <= 9; k++) {
                        int mx = (int) Math.round(x.applyAsDouble(k * Math.pow(10, e)));
                        g.drawLine(mx, plotTop, mx, plotBottom);
                    }
                }
                g.setColor(Color.BLACK);
                String t = compact(Math.pow(10, e));
                g.drawString(t, gx - fm.stringWidth(t) / 2, plotBottom + 18);
            }
            g.setColor(Color.BLACK);
            g.drawLine(plotLeft, plotBottom, plotRight, plotBottom);
            g.drawLine(plotLeft, plotTop - 6, plotLeft, plotBottom);
            g.setFont(base.deriveFont(Font.BOLD, 13f));
            String xLabel = "attendees / second (log scale)";
            g.drawString(xLabel, plotLeft + (plotRight - plotLeft - g.getFontMetrics().stringWidth(xLabel)) / 2,
                    plotBottom + 44);
            AffineTransform saved = g.getTransform();
            g.rotate(-Math.PI / 2);
            String yLabel = "benchmark, by attendees per operation (n)";
            g.drawString(yLabel, -(plotTop + plotBottom + g.getFontMetrics().stringWidth(yLabel)) / 2, 18);
            g.setTransform(saved);

            // Bars.
            int y = plotTop;
            long previous = -1;
            g.setFont(base.deriveFont(12f));
            for (BenchmarkReport.Row r : rows) {
                if (previous >= 0 && r.count() != previous) {
                    y += GROUP_GAP;
                    g.setColor(new Color(0xBBBBBB));
                    g.drawLine(40, y - GROUP_GAP / 2, plotRight, y - GROUP_GAP / 2);
                }
                previous = r.count();
                int barEnd = (int) Math.round(x.applyAsDouble(r.perSecond()));
                g.setColor(SERIES.getOrDefault(r.benchmark(), Color.GRAY));
                g.fillRect(plotLeft + 1, y + 4, Math.max(1, barEnd - plotLeft - 1), ROW - 8);
                g.setColor(Color.BLACK);
                String label = String.format(Locale.ROOT, "n=%,d  %s", r.count(),
                        LABELS.getOrDefault(r.benchmark(), r.benchmark()));
                while (fm.stringWidth(label) > LEFT - 40 && label.length() > 4) {
                    label = label.substring(0, label.length() - 2) + "…";
                }
                g.drawString(label, plotLeft - 8 - fm.stringWidth(label), y + ROW / 2 + 5);
                g.drawString(compact(r.perSecond()) + "/s", barEnd + 6, y + ROW / 2 + 5);
                y += ROW;
            }

            // Target line.
            int tx = (int) Math.round(x.applyAsDouble(BenchmarkReport.TARGET_RATE));
            g.setColor(new Color(0xD62728));
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            g.drawLine(tx, plotTop - 6, tx, plotBottom);
            g.setStroke(new BasicStroke());
            String target = "target: 500k/s on all cores";
            g.drawString(target, Math.min(tx + 4, WIDTH - fm.stringWidth(target) - 4), plotTop - 10);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    /** 1.2M, 850k, 12 ... */
    static String compact(double v) {
        if (v >= 1e9) {
            return trim(v / 1e9) + "G";
        }
        if (v >= 1e6) {
            return trim(v / 1e6) + "M";
        }
        if (v >= 1e3) {
            return trim(v / 1e3) + "k";
        }
        return trim(v);
    }

    private static String trim(double v) {
        String s = v >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
