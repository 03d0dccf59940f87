package dev.attendees.query.internal;

import dev.attendees.plan.Dimension;
import dev.attendees.plan.Measure;
import dev.attendees.plan.Metric;
import dev.attendees.plan.Order;
import dev.attendees.plan.QueryPlan;
import dev.attendees.store.SqlResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An answer's rows in a short paragraph, from templates: a count with its share of everyone, a
 * ranking's leaders, a comparison of two groups, a time series' peak, an average. Every number in the
 * paragraph is one of the result's, or the database's total, or computed from them (a share, a ratio).
 */
public final class Summarizer {
    private static final int NAMED = 3;

    private Summarizer() {}

    /**
     * The summary of a plan's result.
     *
     * @param plan the plan that ran
     * @param result its rows, with the plan compiler's columns (groups by dimension id, then the measure)
     * @param total the number of attendees in the database, or a negative number when unknown
     */
    public static String summarize(QueryPlan plan, SqlResult result, long total) {
        List<List<Object>> rows = result.rows();
        String who = Explainer.conditions(plan.where());
        String whoPhrase = who.isEmpty() ? "" : " " + who;
        if (plan.measure() == Measure.LIST) {
            return list(rows, whoPhrase, result.truncated());
        }
        if (plan.groupBy().isEmpty()) {
            return rows.isEmpty() ? "No attendees match." : scalar(plan, rows.get(0), whoPhrase, total);
        }
        if (rows.isEmpty()) {
            return "No attendees" + whoPhrase + " in the database, so there is nothing to group.";
        }
        if (plan.groupBy().size() == 2) {
            return twoWay(plan, rows, result.truncated());
        }
        return grouped(plan, rows, whoPhrase, result.truncated());
    }

    private static String scalar(QueryPlan plan, List<Object> row, String who, long total) {
        return switch (plan.measure()) {
            case COUNT -> {
                long n = asLong(row.get(0));
                String s = count(n) + (n == 1 ? " attendee" : " attendees") + who + ".";
                if (total > 0 && !plan.where().isEmpty()) {
                    s = s.substring(0, s.length() - 1) + ": " + percent(100.0 * n / total) + " of the " + count(total)
                            + " in the database.";
                }
                yield s;
            }
            case COUNT_DISTINCT -> count(asLong(row.get(0))) + " different " + Explainer.pluralOf(plan.distinct())
                    + " among the attendees" + who + ".";
            case SHARE -> {
                Object pct = row.get(0);
                long part = asLong(row.get(1));
                long whole = asLong(row.get(2));
                if (whole == 0) {
                    yield "No attendees" + who + ", so there is no share to give.";
                }
                yield percent(asDouble(pct)) + " of the " + count(whole) + " attendees" + who + ": " + count(part) + " "
                        + Explainer.conditions(plan.shareOf()) + ".";
            }
            case AVERAGE, MINIMUM, MAXIMUM -> {
                if (row.get(0) == null) {
                    yield "No attendees" + who + ", so there is nothing to measure.";
                }
                String value = metric(plan.metric(), asDouble(row.get(0)));
                String what = switch (plan.measure()) {
                    case AVERAGE -> "On average";
                    case MINIMUM -> "At the least";
                    default -> "At the most";
                };
                yield what + ", attendees" + who + " " + metricSentence(plan.metric(), value) + ".";
            }
            case LIST -> throw new IllegalStateException("a list is summarised apart");
        };
    }

    private static String metricSentence(Metric metric, String value) {
        return switch (metric) {
            case BOOTHS_VISITED -> "visited " + value + " booths";
            case INTERESTS -> "listed " + value + " interests";
            case ARRIVAL_TIME -> "arrived at " + value;
        };
    }

    private static String list(List<List<Object>> rows, String who, boolean truncated) {
        if (rows.isEmpty()) {
            return "No attendees" + who + ".";
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < Math.min(NAMED, rows.size()); k++) {
            names.add(rows.get(k).get(1) + " (" + rows.get(k).get(4) + ", " + rows.get(k).get(3) + ")");
        }
        String more = rows.size() > NAMED ? ", and others" : "";
        return (truncated ? "More than " + count(rows.size()) : count(rows.size())) + (rows.size() == 1 ? " attendee" : " attendees")
                + who + (truncated ? "; the first " + count(rows.size()) + " are shown" : "") + ": " + String.join("; ", names) + more + ".";
    }

    private static String grouped(QueryPlan plan, List<List<Object>> rows, String who, boolean truncated) {
        Dimension d = plan.groupBy().get(0).dimension();
        Order order = plan.order() != null ? plan.order() : Order.MOST;
        String unit = unit(plan);
        boolean timeline = order.by() == Order.By.GROUP;
        if (!plan.groupBy().get(0).only().isEmpty() && rows.size() == 2 && !timeline) {
            return comparison(plan, rows, d, unit);
        }
        if (timeline) {
            int peak = 0;
            int low = 0;
            for (int k = 1; k < rows.size(); k++) {
                if (asDouble(rows.get(k).get(1)) > asDouble(rows.get(peak).get(1))) {
                    peak = k;
                }
                if (asDouble(rows.get(k).get(1)) < asDouble(rows.get(low).get(1))) {
                    low = k;
                }
            }
            String s = count(rows.size()) + " " + (rows.size() == 1 ? d.words() : Explainer.pluralOf(d)) + who + ", from "
                    + label(d, rows.get(0).get(0)) + " to " + label(d, rows.get(rows.size() - 1).get(0)) + ". The most is at "
                    + label(d, rows.get(peak).get(0)) + " (" + value(plan, rows.get(peak).get(1)) + unit + ")";
            if (rows.size() > 2) {
                s += ", the least at " + label(d, rows.get(low).get(0)) + " (" + value(plan, rows.get(low).get(1)) + unit + ")";
            }
            return s + ".";
        }
        List<String> leaders = new ArrayList<>();
        for (int k = 1; k < Math.min(NAMED, rows.size()); k++) {
            leaders.add(label(d, rows.get(k).get(0)) + " (" + value(plan, rows.get(k).get(1)) + ")");
        }
        String most = order.descending() ? "the most" : "the fewest";
        if (plan.measure() == Measure.SHARE || plan.measure() == Measure.AVERAGE || plan.measure() == Measure.MINIMUM
                || plan.measure() == Measure.MAXIMUM) {
            most = order.descending() ? "the highest" : "the lowest";
        }
        String s = (who.isEmpty() ? "" : "Among attendees" + who + ", ") + label(d, rows.get(0).get(0)) + " has " + most + ": "
                + value(plan, rows.get(0).get(1)) + unit;
        if (!leaders.isEmpty()) {
            s += ", followed by " + Explainer.and(leaders);
        }
        s += ".";
        if (plan.limit() != null && rows.size() == plan.limit()) {
            s += " Showing the top " + count(rows.size()) + ".";
        } else if (rows.size() > NAMED || truncated) {
            s += " " + (truncated ? "More than " : "") + count(rows.size()) + " " + Explainer.pluralOf(d) + " in all.";
        }
        return s;
    }

    private static String comparison(QueryPlan plan, List<List<Object>> rows, Dimension d, String unit) {
        List<Object> a = rows.get(0);
        List<Object> b = rows.get(1);
        double x = asDouble(a.get(1));
        double y = asDouble(b.get(1));
        String s = label(d, a.get(0)) + ": " + value(plan, a.get(1)) + unit + "; " + label(d, b.get(0)) + ": " + value(plan, b.get(1))
                + unit + ".";
        if (x > 0 && y > 0 && plan.measure() != Measure.SHARE) {
            double ratio = Math.max(x, y) / Math.min(x, y);
            String more = x >= y ? label(d, a.get(0)) : label(d, b.get(0));
            s += ratio < 1.05 ? " About the same." : " " + more + " has " + String.format(Locale.ROOT, "%.1f", ratio) + " times as many.";
        }
        return s;
    }

    private static String twoWay(QueryPlan plan, List<List<Object>> rows, boolean truncated) {
        Dimension d1 = plan.groupBy().get(0).dimension();
        Dimension d2 = plan.groupBy().get(1).dimension();
        List<Object> top = rows.get(0);
        for (List<Object> r : rows) {
            if (asDouble(r.get(2)) > asDouble(top.get(2))) {
                top = r;
            }
        }
        return (truncated ? "More than " : "") + count(rows.size()) + " combinations of " + d1.words() + " and " + d2.words()
                + ". The largest is " + label(d1, top.get(0)) + " with " + label(d2, top.get(1)) + ": " + value(plan, top.get(2))
                + unit(plan) + ".";
    }

    private static String unit(QueryPlan plan) {
        return switch (plan.measure()) {
            case COUNT -> " attendees";
            case COUNT_DISTINCT -> " " + Explainer.pluralOf(plan.distinct());
            default -> "";
        };
    }

    private static String value(QueryPlan plan, Object v) {
        return switch (plan.measure()) {
            case SHARE -> percent(asDouble(v));
            case AVERAGE, MINIMUM, MAXIMUM -> v == null ? "none" : metric(plan.metric(), asDouble(v));
            default -> count(asLong(v));
        };
    }

    /** A group's value as shown: hours as {@code 09:00}, counts as {@code 3 booths}, nothing as {@code (none)}. */
    public static String label(Dimension d, Object v) {
        if (v == null) {
            return "(none)";
        }
        String s = String.valueOf(v);
        return switch (d) {
            case ARRIVAL_HOUR -> s.length() <= 2 ? String.format("%02d:00", Integer.parseInt(s)) : s;
            case BOOTH_COUNT -> s + (s.equals("1") ? " booth" : " booths");
            case INTEREST_COUNT -> s + (s.equals("1") ? " interest" : " interests");
            default -> s;
        };
    }

    private static String metric(Metric m, double v) {
        if (m == Metric.ARRIVAL_TIME) {
            int minutes = (int) Math.round(v * 60);
            return String.format(Locale.ROOT, "%02d:%02d", minutes / 60 % 24, minutes % 60);
        }
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static String count(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", p);
    }

    static long asLong(Object v) {
        return v == null ? 0 : v instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(v));
    }

    static double asDouble(Object v) {
        return v == null ? 0 : v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v));
    }
}
