package dev.attendees.query.internal;

import dev.attendees.plan.Dimension;
import dev.attendees.plan.Measure;
import dev.attendees.plan.Order;
import dev.attendees.plan.QueryPlan;
import dev.attendees.query.ChartSpec;
import dev.attendees.store.SqlResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chart an answer deserves, as a {@link ChartSpec}: a line for arrivals over hours or days, a pie
 * for shares of a whole with few parts, bars for rankings and breakdowns (one series per value of a
 * second grouping), nothing for a single number or a list of attendees.
 */
public final class Charts {
    /** The most categories a chart shows; a longer ranking is cut to its first ones. */
    public static final int MAX_LABELS = 25;

    private static final int MAX_SERIES = 8;
    private static final int MAX_PIE = 8;

    private Charts() {}

    /** The chart of a plan's result, or {@link ChartSpec#NONE}. */
    public static ChartSpec of(QueryPlan plan, SqlResult result, String title) {
        if (plan.groupBy().isEmpty() || plan.measure() == Measure.LIST || result.rows().isEmpty()) {
            return ChartSpec.NONE;
        }
        Dimension d = plan.groupBy().get(0).dimension();
        String yLabel = result.columns().get(plan.groupBy().size()).replace('_', ' ');
        if (plan.groupBy().size() == 2) {
            return twoWay(plan, result, title, yLabel);
        }
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            if (labels.size() == MAX_LABELS) {
                break;
            }
            labels.add(Summarizer.label(d, row.get(0)));
            values.add(row.get(1) == null ? null : Summarizer.asDouble(row.get(1)));
        }
        ChartSpec.Kind kind = kind(plan, d, labels.size());
        return new ChartSpec(kind, title, d.words(), yLabel, labels, List.of(new ChartSpec.Series(yLabel, values)));
    }

    private static ChartSpec.Kind kind(QueryPlan plan, Dimension d, int size) {
        Order order = plan.order() != null ? plan.order() : Order.MOST;
        boolean time = d == Dimension.ARRIVAL_HOUR || d == Dimension.ARRIVAL_DAY;
        if (time && order.by() == Order.By.GROUP && size > 2) {
            return ChartSpec.Kind.LINE;
        }
        if (plan.measure() == Measure.SHARE && plan.shareOf().isEmpty() && plan.limit() == null && size <= MAX_PIE
                && plan.groupBy().get(0).only().isEmpty() && !d.isList()) {
            return ChartSpec.Kind.PIE;
        }
        return ChartSpec.Kind.BAR;
    }

    private static ChartSpec twoWay(QueryPlan plan, SqlResult result, String title, String yLabel) {
        Dimension d1 = plan.groupBy().get(0).dimension();
        Dimension d2 = plan.groupBy().get(1).dimension();
        Map<String, Map<String, Double>> bySeries = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            String label = Summarizer.label(d1, row.get(0));
            String series = Summarizer.label(d2, row.get(1));
            if (!labels.contains(label)) {
                if (labels.size() == MAX_LABELS) {
                    continue;
                }
                labels.add(label);
            }
            if (!bySeries.containsKey(series) && bySeries.size() == MAX_SERIES) {
                continue;
            }
            bySeries.computeIfAbsent(series, s -> new LinkedHashMap<>()).put(label, row.get(2) == null ? null : Summarizer.asDouble(row.get(2)));
        }
        List<ChartSpec.Series> series = new ArrayList<>();
        bySeries.forEach((name, values) -> series.add(new ChartSpec.Series(name, labels.stream().map(values::get).toList())));
        return new ChartSpec(ChartSpec.Kind.BAR, title, d1.words(), yLabel, labels, series);
    }
}
