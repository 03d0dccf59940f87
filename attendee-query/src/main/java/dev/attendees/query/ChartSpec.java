package dev.attendees.query;

import java.util.List;

/**
 * A chart as data, never as code: what to draw and from which numbers. The CLI and reports render it
 * with XChart ({@link ChartRenderer}); the web app draws the same spec with Chart.js.
 *
 * @param kind bar, line or pie ({@link Kind#NONE} when an answer has nothing to chart)
 * @param title the chart's title
 * @param xLabel the label of the categories' axis
 * @param yLabel the label of the values' axis
 * @param labels the categories, in order
 * @param series one or more series of values, each as long as {@code labels}
 */
public record ChartSpec(Kind kind, String title, String xLabel, String yLabel, List<String> labels, List<Series> series) {
    /** No chart. */
    public static final ChartSpec NONE = new ChartSpec(Kind.NONE, "", "", "", List.of(), List.of());

    public ChartSpec {
        labels = List.copyOf(labels);
        series = List.copyOf(series);
    }

    /** What kind of chart. */
    public enum Kind {
        BAR, LINE, PIE, NONE;

        /** The kind in JSON: {@code bar}, {@code line}, {@code pie}, {@code none}. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One series.
     *
     * @param name the series' name (the measure, or a value of the second grouping)
     * @param values a value per label; {@code null} where there is none
     */
    public record Series(String name, List<Double> values) {
        public Series {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }
}
