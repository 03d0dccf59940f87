package dev.attendees.query;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.PieChart;
import org.knowm.xchart.PieChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * Draws a {@link ChartSpec} with XChart, headless: PNG, or SVG for reports that scale (XChart draws
 * its text as outlines, so no text of the data reaches the SVG's markup). The spec is data; nothing
 * in it is run.
 *
 * <pre>{@code
 * byte[] png = new ChartRenderer().png(answer.chart());
 * }</pre>
 */
public final class ChartRenderer {
    /** The default size: {@value #WIDTH} by {@value #HEIGHT} pixels. */
    public static final int WIDTH = 800;

    /** The default height in pixels. */
    public static final int HEIGHT = 500;

    private static final Color[] PALETTE = {
        new Color(0x2f6fb0), new Color(0xe07b39), new Color(0x3a9d5d), new Color(0xc44e52),
        new Color(0x8172b2), new Color(0x937860), new Color(0xda8bc3), new Color(0x8c8c8c)
    };

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private final int width;
    private final int height;

    /** A renderer of 800 by 500 pixels. */
    public ChartRenderer() {
        this(WIDTH, HEIGHT);
    }

    /** A renderer of the given size in pixels. */
    public ChartRenderer(int width, int height) {
        if (width < 100 || height < 100 || width > 4000 || height > 4000) {
            throw new IllegalArgumentException("chart size must be 100 to 4000 pixels each way, was " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
    }

    /** The chart as a PNG image. */
    public byte[] png(ChartSpec spec) {
        try {
            return BitmapEncoder.getBitmapBytes(chart(spec), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the chart '" + spec.title() + "'", e);
        }
    }

    /** The chart as an SVG document. */
    public String svg(ChartSpec spec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart(spec), out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the chart '" + spec.title() + "'", e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private Chart<?, ?> chart(ChartSpec spec) {
        if (spec.kind() == ChartSpec.Kind.NONE || spec.labels().isEmpty()) {
            throw new IllegalArgumentException("an answer without a chart cannot be drawn");
        }
        return spec.kind() == ChartSpec.Kind.PIE ? pie(spec) : category(spec);
    }

    private PieChart pie(ChartSpec spec) {
        PieChart chart = new PieChartBuilder().width(width).height(height).title(spec.title()).build();
        style(chart.getStyler());
        List<Double> values = spec.series().get(0).values();
        for (int k = 0; k < spec.labels().size(); k++) {
            Double v = values.get(k);
            chart.addSeries(spec.labels().get(k), v == null ? 0 : v);
        }
        return chart;
    }

    private CategoryChart category(ChartSpec spec) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(spec.title())
                .xAxisTitle(spec.xLabel()).yAxisTitle(spec.yLabel()).build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(spec.series().size() > 1);
        chart.getStyler().setXAxisLabelRotation(spec.labels().size() > 6 ? 45 : 0);
        chart.getStyler().setDefaultSeriesRenderStyle(spec.kind() == ChartSpec.Kind.LINE
                ? org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Line
                : org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Bar);
        chart.getStyler().setOverlapped(false);
        for (ChartSpec.Series s : spec.series()) {
            List<Double> ys = s.values().stream().map(v -> v == null ? 0.0 : v).toList();
            chart.addSeries(s.name(), spec.labels(), ys);
        }
        return chart;
    }

    private static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setSeriesColors(PALETTE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartTitleBoxVisible(false);
        styler.setAntiAlias(true);
    }
}
