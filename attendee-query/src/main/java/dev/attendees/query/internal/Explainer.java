package dev.attendees.query.internal;

import dev.attendees.plan.Condition;
import dev.attendees.plan.Dimension;
import dev.attendees.plan.Grouping;
import dev.attendees.plan.Measure;
import dev.attendees.plan.Order;
import dev.attendees.plan.QueryPlan;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan in plain English, one sentence: "Counting attendees interested in Docker at Enterprise
 * companies, by industry, largest first." It reads the plan, never the question, so it says what
 * was actually computed.
 */
public final class Explainer {
    private Explainer() {}

    /** The plan as one sentence, ending with a full stop. */
    public static String explain(QueryPlan plan) {
        StringBuilder out = new StringBuilder(measure(plan));
        String who = conditions(plan.where());
        if (!who.isEmpty()) {
            out.append(' ').append(who);
        }
        if (plan.measure() == Measure.SHARE && !plan.shareOf().isEmpty()) {
            out.append(", the part ").append(conditions(plan.shareOf()));
        }
        if (!plan.groupBy().isEmpty()) {
            out.append(", by ").append(and(plan.groupBy().stream().map(Explainer::grouping).toList()));
        }
        String order = order(plan);
        if (!order.isEmpty()) {
            out.append(", ").append(order);
        }
        return out.append('.').toString();
    }

    private static String measure(QueryPlan plan) {
        return switch (plan.measure()) {
            case COUNT -> "Counting attendees";
            case COUNT_DISTINCT -> "Counting the different " + plural(plan.distinct()) + " of attendees";
            case SHARE -> plan.shareOf().isEmpty() ? "The share of attendees in each group" : "The percentage of attendees";
            case AVERAGE -> "The average " + metric(plan) + " of attendees";
            case MINIMUM -> "The least " + metric(plan) + " among attendees";
            case MAXIMUM -> "The most " + metric(plan) + " among attendees";
            case LIST -> "Listing attendees";
        };
    }

    private static String metric(QueryPlan plan) {
        return plan.metric() == dev.attendees.plan.Metric.ARRIVAL_TIME ? plan.metric().words() : "number of " + plan.metric().words();
    }

    /** Conditions as a phrase after "attendees": "interested in Docker and at Enterprise companies". */
    public static String conditions(List<Condition> conditions) {
        return and(conditions.stream().map(Explainer::condition).toList());
    }

    static String condition(Condition c) {
        if (c instanceof Condition.Equals e) {
            return equals(e);
        }
        if (c instanceof Condition.Items i) {
            return items(i);
        }
        if (c instanceof Condition.Contains t) {
            return "whose " + t.dimension().words() + (t.match() == Condition.Match.NONE ? " contains none of " : " contains ")
                    + (t.match() == Condition.Match.ALL ? and(quoted(t.words())) : or(quoted(t.words())));
        }
        if (c instanceof Condition.TimeOfDay t) {
            return timeOfDay(t.from(), t.to());
        }
        if (c instanceof Condition.EventDay d) {
            return "on the " + day(d.day()) + " of the event";
        }
        return countOf((Condition.CountOf) c);
    }

    private static String equals(Condition.Equals e) {
        List<String> v = e.values();
        String not = e.negated() ? "not " : "";
        return switch (e.dimension()) {
            case COMPANY -> not + "at " + or(v);
            case INDUSTRY -> e.negated() ? "outside " + or(v) : "in " + or(v);
            case COMPANY_SIZE -> not + "at " + or(v) + " companies";
            case EMAIL_KIND -> "with " + (e.negated() ? "no " : "a ") + or(v) + " e-mail address";
            case EMAIL_DOMAIN -> "with " + (e.negated() ? "no " : "an ") + "e-mail address at " + or(v);
            case ARRIVAL_DAY -> "who arrived " + not + "on " + or(v);
            case ARRIVAL_HOUR -> "who arrived " + not + "between " + or(v.stream().map(Explainer::hour).toList());
            default -> "whose " + e.dimension().words() + " is " + not + or(quoted(v));
        };
    }

    private static String items(Condition.Items i) {
        boolean booth = i.dimension() == Dimension.BOOTH;
        List<String> v = i.values();
        String values = switch (i.match()) {
            case ANY -> or(v);
            case ALL -> v.size() == 2 ? "both " + and(v) : (v.size() > 2 ? "all of " : "") + and(v);
            case NONE -> or(v);
        };
        String noun = booth ? (i.match() == Condition.Match.ALL && v.size() > 1 ? " booths" : " booth") : "";
        if (booth) {
            return (i.match() == Condition.Match.NONE ? "who did not visit the " : "who visited the ") + values + noun;
        }
        return (i.match() == Condition.Match.NONE ? "not interested in " : "interested in ") + values;
    }

    private static String countOf(Condition.CountOf n) {
        boolean booth = n.dimension() == Dimension.BOOTH;
        String things = n.value() == 1 ? (booth ? "booth" : "interest") : (booth ? "booths" : "interests");
        String amount = switch (n.comparison()) {
            case EQUAL -> n.value() == 0 ? "no" : "exactly " + n.value();
            case AT_LEAST -> "at least " + n.value();
            case AT_MOST -> "at most " + n.value();
            case MORE_THAN -> "more than " + n.value();
            case LESS_THAN -> "fewer than " + n.value();
        };
        if (n.comparison() == Condition.Comparison.MORE_THAN || n.comparison() == Condition.Comparison.LESS_THAN) {
            things = booth ? "booths" : "interests";
        }
        return booth ? "who visited " + amount + " " + things : "with " + amount + " " + things;
    }

    private static String timeOfDay(LocalTime from, LocalTime to) {
        if (from == null) {
            return "who arrived before " + to;
        }
        if (to == null) {
            return "who arrived at or after " + from;
        }
        return "who arrived between " + from + " and " + to;
    }

    private static String hour(String hh) {
        int h = Integer.parseInt(hh);
        return String.format("%02d:00 and %02d:00", h, (h + 1) % 24);
    }

    /** "first day", "second day", "last day", "day before the last". */
    public static String day(int day) {
        String[] ordinals = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh"};
        if (day > 0) {
            return (day <= ordinals.length ? ordinals[day - 1] : day + "th") + " day";
        }
        if (day == -1) {
            return "last day";
        }
        return day == -2 ? "day before the last" : (-day) + "th day from the end";
    }

    private static String grouping(Grouping g) {
        String words = g.dimension().words();
        return g.only().isEmpty() ? words : words + " (" + and(g.only()) + " only)";
    }

    private static String order(QueryPlan plan) {
        if (plan.groupBy().isEmpty() || plan.measure() == Measure.LIST) {
            return plan.measure() == Measure.LIST && plan.limit() != null ? "the first " + plan.limit() : "";
        }
        Order order = plan.order() != null ? plan.order() : Order.MOST;
        String limit = plan.limit() == null ? "" : "the top " + plan.limit() + " ";
        if (order.by() == Order.By.GROUP) {
            return limit + "in order of " + plan.groupBy().get(0).dimension().words() + (order.descending() ? ", last first" : "");
        }
        if (plan.limit() != null && !order.descending()) {
            return "the " + plan.limit() + " smallest";
        }
        return limit + (order.descending() ? "largest first" : "smallest first");
    }

    private static String plural(Dimension d) {
        return switch (d) {
            case COMPANY -> "companies";
            case INDUSTRY -> "industries";
            case COMPANY_SIZE -> "company sizes";
            case BOOTH_COUNT, INTEREST_COUNT -> d.words() + " values";
            case ARRIVAL_DAY -> "arrival days";
            case ARRIVAL_HOUR -> "arrival hours";
            default -> d.words() + "s";
        };
    }

    /** The dimension's values in the plural: "companies", "job titles". */
    public static String pluralOf(Dimension d) {
        return plural(d);
    }

    private static List<String> quoted(List<String> words) {
        return words.stream().map(w -> "'" + w + "'").toList();
    }

    static String and(List<String> parts) {
        return join(parts, "and");
    }

    static String or(List<String> parts) {
        return join(parts, "or");
    }

    private static String join(List<String> parts, String word) {
        List<String> p = new ArrayList<>(parts);
        if (p.size() <= 1) {
            return p.isEmpty() ? "" : p.get(0);
        }
        String last = p.remove(p.size() - 1);
        return String.join(", ", p) + " " + word + " " + last;
    }
}
