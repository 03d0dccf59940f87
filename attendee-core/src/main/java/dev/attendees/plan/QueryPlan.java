package dev.attendees.plan;

import dev.attendees.ConfigurationException;
import java.util.ArrayList;
import java.util.List;

/**
 * A question as data: what to compute ({@link Measure}), over which groups, for which attendees,
 * in what order and how many rows. A store compiles it to SQL for its dialect; a translator builds it
 * from a question. Immutable; {@code with...} methods derive a variant (follow-up questions).
 *
 * <pre>{@code
 * // How many attendees at enterprise companies are interested in databases?
 * QueryPlan plan = QueryPlan.count()
 *         .where(new Condition.Equals(Dimension.COMPANY_SIZE, List.of("Enterprise"), false))
 *         .where(new Condition.Items(Dimension.INTEREST, List.of("Databases"), Condition.Match.ANY));
 * // Which companies have the most attendees?
 * QueryPlan top = QueryPlan.count().groupBy(Grouping.by(Dimension.COMPANY)).orderBy(Order.MOST).limit(10);
 * }</pre>
 *
 * @param measure what to compute
 * @param distinct for {@link Measure#COUNT_DISTINCT}: the dimension whose values are counted
 * @param metric for {@link Measure#AVERAGE}, {@link Measure#MINIMUM}, {@link Measure#MAXIMUM}
 * @param groupBy the dimensions to group by (at most two), in order
 * @param where the conditions every attendee counted must meet
 * @param shareOf for {@link Measure#SHARE}: the conditions of the part whose share is asked
 * @param order the order of the rows, or {@code null} for the plan's natural one
 * @param limit at most this many rows, or {@code null}
 */
public record QueryPlan(
        Measure measure,
        Dimension distinct,
        Metric metric,
        List<Grouping> groupBy,
        List<Condition> where,
        List<Condition> shareOf,
        Order order,
        Integer limit) {

    /** The most rows a plan may ask for: {@value}. */
    public static final int MAX_LIMIT = 10_000;

    public QueryPlan {
        measure = measure == null ? Measure.COUNT : measure;
        groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
        where = where == null ? List.of() : List.copyOf(where);
        shareOf = shareOf == null ? List.of() : List.copyOf(shareOf);
    }

    /** Counting attendees. */
    public static QueryPlan count() {
        return new QueryPlan(Measure.COUNT, null, null, null, null, null, null, null);
    }

    /** Listing attendees. */
    public static QueryPlan list() {
        return new QueryPlan(Measure.LIST, null, null, null, null, null, null, null);
    }

    /** This plan computing {@code m} instead. */
    public QueryPlan measure(Measure m) {
        return new QueryPlan(m, distinct, metric, groupBy, where, shareOf, order, limit);
    }

    /** This plan counting the distinct values of {@code d}. */
    public QueryPlan countDistinct(Dimension d) {
        return new QueryPlan(Measure.COUNT_DISTINCT, d, null, groupBy, where, shareOf, order, limit);
    }

    /** This plan taking {@code m} (average, minimum, maximum) of {@code metric}. */
    public QueryPlan of(Measure m, Metric value) {
        return new QueryPlan(m, null, value, groupBy, where, shareOf, order, limit);
    }

    /** This plan also grouped by {@code g}. */
    public QueryPlan groupBy(Grouping g) {
        List<Grouping> more = new ArrayList<>(groupBy);
        more.add(g);
        return new QueryPlan(measure, distinct, metric, more, where, shareOf, order, limit);
    }

    /** This plan with the groupings replaced. */
    public QueryPlan withGroupBy(List<Grouping> groupings) {
        return new QueryPlan(measure, distinct, metric, groupings, where, shareOf, order, limit);
    }

    /** This plan with one more condition. */
    public QueryPlan where(Condition c) {
        List<Condition> more = new ArrayList<>(where);
        more.add(c);
        return new QueryPlan(measure, distinct, metric, groupBy, more, shareOf, order, limit);
    }

    /** This plan with the conditions replaced. */
    public QueryPlan withWhere(List<Condition> conditions) {
        return new QueryPlan(measure, distinct, metric, groupBy, conditions, shareOf, order, limit);
    }

    /** This plan asking the share of the attendees that meet {@code conditions}. */
    public QueryPlan shareOf(List<Condition> conditions) {
        return new QueryPlan(Measure.SHARE, null, null, groupBy, where, conditions, order, limit);
    }

    /** This plan ordered by {@code o}. */
    public QueryPlan orderBy(Order o) {
        return new QueryPlan(measure, distinct, metric, groupBy, where, shareOf, o, limit);
    }

    /** This plan giving at most {@code n} rows ({@code null}: no limit of its own). */
    public QueryPlan limit(Integer n) {
        return new QueryPlan(measure, distinct, metric, groupBy, where, shareOf, order, n);
    }

    /**
     * Checks that the parts fit together.
     *
     * @return this plan
     * @throws ConfigurationException naming what is wrong
     */
    public QueryPlan validate() {
        if (measure == Measure.COUNT_DISTINCT && distinct == null) {
            throw new ConfigurationException("query plan: count_distinct needs distinct, the dimension to count");
        }
        if (measure != Measure.COUNT_DISTINCT && distinct != null) {
            throw new ConfigurationException("query plan: distinct is for count_distinct only");
        }
        boolean needsMetric = measure == Measure.AVERAGE || measure == Measure.MINIMUM || measure == Measure.MAXIMUM;
        if (needsMetric != (metric != null)) {
            throw new ConfigurationException(needsMetric ? "query plan: " + measure.id() + " needs a metric"
                    : "query plan: metric is for average, minimum and maximum only");
        }
        if (measure != Measure.SHARE && !shareOf.isEmpty()) {
            throw new ConfigurationException("query plan: share_of is for share only");
        }
        if (measure == Measure.SHARE && shareOf.isEmpty() && groupBy.isEmpty()) {
            throw new ConfigurationException("query plan: share needs share_of conditions or a grouping");
        }
        if (measure == Measure.LIST && !groupBy.isEmpty()) {
            throw new ConfigurationException("query plan: a list of attendees is not grouped");
        }
        if (groupBy.size() > 2) {
            throw new ConfigurationException("query plan: at most two groupings, was " + groupBy.size());
        }
        if (groupBy.stream().map(Grouping::dimension).distinct().count() < groupBy.size()) {
            throw new ConfigurationException("query plan: a dimension is grouped by twice");
        }
        groupBy.forEach(Grouping::validate);
        where.forEach(Condition::validate);
        shareOf.forEach(Condition::validate);
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new ConfigurationException("query plan: limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return this;
    }
}
