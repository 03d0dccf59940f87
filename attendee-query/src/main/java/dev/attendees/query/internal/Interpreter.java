package dev.attendees.query.internal;

import dev.attendees.plan.Condition;
import dev.attendees.plan.Dimension;
import dev.attendees.plan.EmailKinds;
import dev.attendees.plan.Grouping;
import dev.attendees.plan.Measure;
import dev.attendees.plan.Metric;
import dev.attendees.plan.Order;
import dev.attendees.plan.QueryPlan;
import dev.attendees.plan.Vocabulary;
import dev.attendees.query.internal.Meaning.Kind;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a plan from a question's phrases, in passes: refusals (changing data, instructions, topics
 * the data does not hold), times and days, counts of booths or interests, row limits, e-mail kinds,
 * job-title words, values (with the cue before them: "interested in", "visited", "from", "in"),
 * groupings, comparisons, the measure, follow-ups, and finally the account: a phrase that no pass
 * used and that carries meaning makes the question refused rather than answered wrongly.
 */
final class Interpreter {
    /** Phrases that may be left over without changing what a question asks. */
    private static final Set<Kind> CONNECTORS = EnumSet.of(Kind.AND, Kind.OR, Kind.ONLY, Kind.ON, Kind.ANY_OF,
            Kind.ALL_OF, Kind.CUE_INDUSTRY, Kind.CUE_COMPANY, Kind.CUE_TITLE, Kind.EMAIL_WORD, Kind.TIME_TO, Kind.LIMIT,
            Kind.EXACTLY, Kind.ABOUT, Kind.THEM, Kind.ATTENDEE, Kind.STOP, Kind.TIME_BETWEEN, Kind.TIME_AFTER,
            Kind.CUE_INTEREST, Kind.OCLOCK);
    /** Phrases whose meaning a plan must carry: left over, they make the question refused. */
    private static final Set<Kind> SUBSTANCE = EnumSet.of(Kind.VALUE, Kind.NUMBER, Kind.DATE, Kind.CLOCK, Kind.TITLE,
            Kind.EVENT_DAY, Kind.PERIOD, Kind.EMAIL_GMAIL, Kind.EMAIL_PERSONAL, Kind.EMAIL_CORPORATE, Kind.AM, Kind.PM);
    /**
     * Words that change what is computed ("average", "percentage", "not"): a plan that does not
     * carry them answers another question, so left over they make the question refused too.
     */
    private static final Set<Kind> MUST_PLACE = EnumSet.of(Kind.AVERAGE, Kind.MINIMUM, Kind.MAXIMUM, Kind.SHARE,
            Kind.NEGATION);
    private static final Set<Dimension> MANY_VALUES = EnumSet.of(Dimension.COMPANY, Dimension.JOB_TITLE, Dimension.BOOTH,
            Dimension.INTEREST, Dimension.EMAIL_DOMAIN);
    /** Value dimensions in the order a phrase with several is read when nothing around it says which. */
    private static final List<Dimension> DEFAULT_ORDER = List.of(Dimension.INTEREST, Dimension.BOOTH,
            Dimension.COMPANY_SIZE, Dimension.INDUSTRY, Dimension.EVENT, Dimension.JOB_TITLE, Dimension.COMPANY);
    /** Words after which the rest of a percentage question says what part is asked for. */
    private static final Set<String> PREDICATE = Set.of("are", "is", "were", "was", "who", "that", "have", "has", "had",
            "use", "uses", "used", "using", "work", "works", "arrived", "arrive", "came", "come", "visited", "visit", "did",
            "do", "does", "went", "registered", "listed", "picked", "chose", "selected");
    static final int LIST_LIMIT = 1_000;
    static final int RANKING_LIMIT = 10;

    private final List<Span> spans;
    private final List<Token> tokens;
    private final Vocabulary vocabulary;
    private final QueryPlan previous;
    private final List<Condition> where = new ArrayList<>();
    /** Where each condition was said (the index of its first phrase), for percentage questions. */
    private final List<Integer> whereAt = new ArrayList<>();
    private final List<Grouping> groupings = new ArrayList<>();
    private Dimension distinct;
    private Integer limit;
    private double confidence = 0.97;
    private final List<String> doubts = new ArrayList<>();

    Interpreter(List<Token> tokens, List<Span> spans, Vocabulary vocabulary, QueryPlan previous) {
        this.tokens = tokens;
        this.spans = spans;
        this.vocabulary = vocabulary;
        this.previous = previous;
    }

    /** What a question was read as. */
    record Result(QueryPlan plan, boolean report, String refusal, List<String> understood, List<String> notUnderstood,
            double confidence) {}

    Result interpret() {
        String refusal = safety();
        if (refusal != null) {
            return refuse(refusal);
        }
        contrasts();
        mostPerAttendee();
        countSeries();
        times();
        arrivalVerbs();
        counts();
        limits();
        emails();
        titles();
        values();
        alternatives();
        String difference = difference();
        if (difference != null) {
            return refuse(difference);
        }
        String ranking = rankingOfAttendees();
        if (ranking != null) {
            return refuse(ranking);
        }
        groupings();
        compare();
        boolean report = anyUnused(Kind.REPORT) && where.isEmpty() && groupings.isEmpty() && !anyUnused(Kind.COUNT)
                && !anyUnused(Kind.SHARE);
        if (report) {
            useAll(Kind.REPORT);
            useAll(Kind.BREAKDOWN);
            useAll(Kind.DIMENSION);
            return finish(null, true);
        }
        QueryPlan plan = followUp();
        if (plan == null) {
            plan = measure();
        }
        if (plan == null) {
            return refuse(null);
        }
        plan = order(plan);
        return finish(plan, false);
    }

    // ---- refusals -------------------------------------------------------------------------

    private String safety() {
        for (Span s : spans) {
            if (s.meanings.size() == 1 && s.has(Kind.WRITE)) {
                return "I only answer questions about the attendees; I never change the data ('" + s.text + "' asks to)";
            }
            if (s.has(Kind.INJECTION) && s.meanings.stream().allMatch(m -> m.kind() == Kind.INJECTION || m.kind() == Kind.STOP)) {
                return "I answer questions about the attendees and follow no instructions given in a question ('" + s.text + "')";
            }
        }
        for (Span s : spans) {
            if (s.has(Kind.OUT_OF_SCOPE) && s.meanings.stream().allMatch(m -> m.kind() == Kind.OUT_OF_SCOPE
                    || m.kind() == Kind.STOP)) {
                return "the data holds no " + topic(s.get(Kind.OUT_OF_SCOPE).value()) + " ('" + s.text + "'): it has each attendee's"
                        + " name, e-mail, company, industry, company size, job title, interests, booths visited and arrival time";
            }
        }
        return null;
    }

    private static String topic(String key) {
        return switch (key) {
            case "salary" -> "salaries or pay";
            case "age" -> "ages";
            case "gender" -> "genders";
            case "location" -> "locations";
            case "phone" -> "phone numbers";
            case "weather" -> "weather";
            case "revenue" -> "money figures";
            case "satisfaction" -> "ratings or feedback";
            case "sessions" -> "sessions or talks";
            case "departure" -> "departure times";
            case "quality" -> "judgements of quality (best, nicest, most impressive), only counts of who came, what they are"
                    + " interested in and which booths they visited";
            default -> "personal details of that kind";
        };
    }

    private Result refuse(String reason) {
        List<String> understood = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Span s : spans) {
            if (s.meanings.isEmpty()) {
                unknown.add(s.text);
            } else if (!s.isFiller()) {
                understood.add(s.text);
            }
        }
        if (reason == null) {
            reason = "I can't answer that: " + (understood.isEmpty() ? "I understood nothing of it"
                    : "I understood " + quoted(understood)) + (unknown.isEmpty() ? "" : " but not " + quoted(unknown));
        } else {
            reason = "I can't answer that: " + reason;
        }
        return new Result(null, false, reason, understood, unknown, 0);
    }

    private static String quoted(List<String> words) {
        if (words.isEmpty()) {
            return "nothing";
        }
        List<String> q = words.stream().map(w -> "'" + w + "'").toList();
        return q.size() == 1 ? q.get(0) : String.join(", ", q.subList(0, q.size() - 1)) + " and " + q.get(q.size() - 1);
    }

    // ---- contrasts ----------------------------------------------------------------------------

    /** Words that may stand in the alternative set aside ("rather than a work one"). */
    private static final Set<String> ALTERNATIVE_WORDS = Set.of("work", "business", "company", "one", "ones", "address",
            "addresses", "account", "accounts", "email", "e-mail", "mail");

    /**
     * "a personal address rather than a work one", "gmail instead of a company e-mail": the
     * alternative after the contrast word restates what is not asked, and says nothing more.
     */
    private void contrasts() {
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i).used || !spans.get(i).has(Kind.CONTRAST)) {
                continue;
            }
            int end = i + 1;
            boolean said = false;
            while (end < spans.size() && end <= i + 5) {
                Span s = spans.get(end);
                boolean alternative = s.has(Kind.EMAIL_PERSONAL) || s.has(Kind.EMAIL_CORPORATE) || s.has(Kind.EMAIL_GMAIL)
                        || s.has(Kind.VALUE) || s.has(Kind.TITLE) || s.has(Kind.EMAIL_WORD)
                        || ALTERNATIVE_WORDS.contains(s.text.toLowerCase(java.util.Locale.ROOT));
                if (!alternative && !s.isFiller()) {
                    break;
                }
                said |= alternative;
                end++;
            }
            if (said && (end == spans.size() || !spans.get(end).has(Kind.VALUE))) {
                for (int k = i; k < end; k++) {
                    spans.get(k).use(spans.get(k).meanings.isEmpty() ? null : spans.get(k).meanings.get(0));
                }
            }
        }
    }

    // ---- the most per attendee ---------------------------------------------------------------

    /** "the most booths any single attendee visited": the largest number of booths visited (or the smallest). */
    private Measure perAttendee;
    private static final java.util.regex.Pattern EXTREME = java.util.regex.Pattern.compile(
            "(?i)most|fewest|least|highest|lowest|largest|smallest|greatest|biggest");
    /** Words that make an attendee word mean any one attendee ("any", "a single", "one", "a given"). */
    private static final java.util.regex.Pattern ONE_OF = java.util.regex.Pattern.compile(
            "(?i)any|any one|a|an|one|single|a single|any single|given|a given|any given|individual|each");
    private static final java.util.regex.Pattern SOMEONE = java.util.regex.Pattern.compile("(?i)anyone|anybody|someone|somebody");

    /**
     * "What's the most booths any single attendee visited?", "the fewest interests anyone has": a
     * superlative before booths or interests, said of any one attendee, asks for the largest (or
     * smallest) number per attendee, not for the booths visited most.
     */
    private void mostPerAttendee() {
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            boolean superlative = (s.has(Kind.MOST) || s.has(Kind.LEAST)) && EXTREME.matcher(s.text).matches();
            boolean aggregate = s.has(Kind.MAXIMUM) || s.has(Kind.MINIMUM) || s.has(Kind.AVERAGE);
            if (s.used || !superlative && !aggregate) {
                continue;
            }
            int m = next(i);
            Dimension list = m < spans.size() ? listDimension(spans.get(m)) : null;
            if (list == null) {
                continue;
            }
            Kind verb = list == Dimension.BOOTH ? Kind.CUE_BOOTH : Kind.CUE_INTEREST;
            int who = -1;
            boolean one = false;
            List<Integer> quantifiers = new ArrayList<>();
            for (int k = m + 1; k < spans.size() && k <= m + 5 && who < 0; k++) {
                Span w = spans.get(k);
                String last = tokens.get(w.end - 1).lower();
                boolean singular = last.equals(tokens.get(w.end - 1).stem()) || SOMEONE.matcher(w.text).matches();
                if (w.has(Kind.ATTENDEE) && singular && (one || SOMEONE.matcher(w.text).matches()) && !ONE_OF.matcher(w.text).matches()) {
                    who = k;
                } else if (ONE_OF.matcher(w.text).matches()) {
                    one = true;
                    quantifiers.add(k);
                } else if (!(w.isFiller() || w.has(verb) || w.has(Kind.BREAKDOWN) && w.text.equalsIgnoreCase("by"))) {
                    break;
                }
            }
            if (who < 0) {
                continue;
            }
            if (!aggregate) {
                perAttendee = s.has(Kind.MOST) ? Measure.MAXIMUM : Measure.MINIMUM;
                s.use(s.has(Kind.MOST) ? s.get(Kind.MOST) : s.get(Kind.LEAST));
            } // else "the maximum number of interests a single registrant has": the measure says it already
            use(m + 1, who + 1);
            for (int k : quantifiers) {
                spans.get(k).use(spans.get(k).meanings.get(0));
            }
            int after = next(who);
            if (after < spans.size() && !spans.get(after).used && (spans.get(after).has(verb) || list == Dimension.INTEREST
                    && spans.get(after).has(Kind.EMAIL_WORD))) {
                spans.get(after).use(spans.get(after).meanings.get(0)); // "visited", "has"
            }
            return;
        }
    }

    // ---- series of counts -------------------------------------------------------------------

    /**
     * "visited 0, 1, 2, ... booths", "with 1, 2 or 3 interests": several numbers before booths or
     * interests ask for the attendees by how many they have.
     */
    private void countSeries() {
        for (int i = 0; i < spans.size(); i++) {
            int k = i;
            int numbers = 0;
            while (k < spans.size() && (spans.get(k).has(Kind.NUMBER) && !spans.get(k).used || numbers > 0
                    && (spans.get(k).has(Kind.OR) || spans.get(k).has(Kind.AND) || spans.get(k).has(Kind.TIME_TO)))) {
                numbers += spans.get(k).has(Kind.NUMBER) ? 1 : 0;
                k++;
            }
            Dimension list = numbers >= 2 && k < spans.size() ? listDimension(spans.get(k)) : null;
            if (list == null) {
                continue;
            }
            Dimension counted = list == Dimension.BOOTH ? Dimension.BOOTH_COUNT : Dimension.INTEREST_COUNT;
            groupings.add(Grouping.by(counted));
            groupingAt.add(i);
            use(i, k + 1);
            int verb = previousMeaningful(i);
            if (verb >= 0 && !spans.get(verb).used && (spans.get(verb).has(Kind.CUE_BOOTH) || spans.get(verb).has(Kind.CUE_INTEREST))) {
                spans.get(verb).use(spans.get(verb).meanings.get(0));
            }
            return;
        }
    }

    // ---- times and days -------------------------------------------------------------------

    private void times() {
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            if (s.used) {
                continue;
            }
            boolean after = s.has(Kind.TIME_AFTER);
            boolean before = s.has(Kind.TIME_BEFORE);
            boolean between = s.has(Kind.TIME_BETWEEN);
            if (after || before || between) {
                Clock start = clock(i + 1);
                if (start != null) {
                    Span toWord = start.end < spans.size() ? spans.get(start.end) : null;
                    if ((between || after) && toWord != null && (toWord.has(Kind.TIME_TO) || toWord.has(Kind.AND))) {
                        Clock end = clock(start.end + 1);
                        if (end != null) {
                            LocalTime from = start.time;
                            if (!start.marked && end.pm && from.getHour() < 12 && from.getHour() + 12 <= end.time.getHour()) {
                                from = from.plusHours(12);
                            }
                            if (from.isBefore(end.time)) {
                                condition(new Condition.TimeOfDay(from, end.time), i);
                                use(i, end.end);
                                continue;
                            }
                        }
                    }
                    if (after || before) {
                        condition(after ? new Condition.TimeOfDay(start.time, null) : new Condition.TimeOfDay(null, start.time), i);
                        use(i, start.end);
                        continue;
                    }
                }
            }
            if (s.has(Kind.PERIOD)) {
                Meaning p = s.get(Kind.PERIOD);
                condition(new Condition.TimeOfDay(p.from(), p.to()), i);
                s.use(p);
                useBefore(i, Kind.ON);
            } else if (s.has(Kind.EVENT_DAY)) {
                condition(new Condition.EventDay(s.get(Kind.EVENT_DAY).number()), i);
                s.use(s.get(Kind.EVENT_DAY));
                useBefore(i, Kind.ON);
            } else if (s.has(Kind.DATE)) {
                List<String> days = days(s.get(Kind.DATE).date());
                if (!days.isEmpty()) {
                    condition(new Condition.Equals(Dimension.ARRIVAL_DAY, days, false), i);
                    s.use(s.get(Kind.DATE));
                    useBefore(i, Kind.ON);
                }
            } else if ((s.has(Kind.CLOCK) || s.has(Kind.NUMBER)) && i > 0 && spans.get(i - 1).has(Kind.CUE_COMPANY)) {
                // "arrived at 9 am", "at 10:30": within that hour
                Clock at = clock(i);
                if (at != null && (at.marked || s.has(Kind.CLOCK))) {
                    LocalTime end = at.time.getHour() == 23 ? null : at.time.withMinute(0).plusHours(1);
                    condition(new Condition.TimeOfDay(at.time.withMinute(0), end), i - 1);
                    use(i - 1, at.end);
                }
            }
        }
    }

    /** "arrived", "checked in": the verb of a time condition, said with it. */
    private void arrivalVerbs() {
        boolean timed = where.stream().anyMatch(c -> c instanceof Condition.TimeOfDay || c instanceof Condition.EventDay
                || c instanceof Condition.Equals e && e.dimension() == Dimension.ARRIVAL_DAY);
        if (!timed || metricQuestion()) {
            return;
        }
        for (Span s : spans) {
            if (!s.used && s.has(Kind.METRIC) && s.get(Kind.METRIC).metric() == Metric.ARRIVAL_TIME && !s.has(Kind.DIMENSION)) {
                s.use(s.get(Kind.METRIC));
            }
        }
    }

    /** A clock time read from phrase {@code i} on ("3 pm", "15:00", "noon", "9"), with where it ends. */
    private record Clock(LocalTime time, int end, boolean marked, boolean pm) {}

    private Clock clock(int i) {
        if (i >= spans.size()) {
            return null;
        }
        Span s = spans.get(i);
        LocalTime t;
        if (s.has(Kind.CLOCK)) {
            t = s.get(Kind.CLOCK).from();
        } else if (s.has(Kind.NUMBER) && s.get(Kind.NUMBER).number() <= 24) {
            int h = s.get(Kind.NUMBER).number();
            t = LocalTime.of(h % 24, 0);
        } else {
            return null;
        }
        int end = i + 1;
        boolean am = false;
        boolean pm = false;
        if (end < spans.size() && spans.get(end).has(Kind.AM)) {
            am = true;
            end++;
        } else if (end < spans.size() && spans.get(end).has(Kind.PM)) {
            pm = true;
            end++;
        } else if (end < spans.size() && spans.get(end).has(Kind.OCLOCK)) {
            end++;
        }
        boolean named = s.has(Kind.CLOCK) && !s.has(Kind.NUMBER) && !s.text.matches(".*\\d.*");
        if (pm && t.getHour() < 12) {
            t = t.plusHours(12);
        } else if (am && t.getHour() == 12) {
            t = t.withHour(0);
        } else if (!am && !pm && !named && t.getHour() >= 1 && t.getHour() <= 7) {
            t = t.plusHours(12); // "after 3": a time of the event's day, in the afternoon
        }
        return new Clock(t, end, am || pm || named, pm);
    }

    /** The stored days matching a date; a date without a year matches every year's. */
    private List<String> days(LocalDate date) {
        List<String> out = new ArrayList<>();
        for (String day : vocabulary.of(Dimension.ARRIVAL_DAY)) {
            if (date.getYear() == 0 ? day.endsWith(String.format("-%02d-%02d", date.getMonthValue(), date.getDayOfMonth()))
                    : day.equals(date.toString())) {
                out.add(day);
            }
        }
        if (out.isEmpty() && date.getYear() != 0) {
            out.add(date.toString());
        }
        return out;
    }

    // ---- counts of booths and interests; row limits -----------------------------------------

    /**
     * Counts of booths or interests: "more than 5 booths", "5 or more booths", "visited 3 booths",
     * "no booths", "didn't visit any booth", "only one interest".
     */
    private void counts() {
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            if (s.used) {
                continue;
            }
            Condition.Comparison cmp = comparison(s);
            int numberAt = cmp != null ? next(i) : i;
            if (numberAt >= spans.size()) {
                continue;
            }
            Span number = spans.get(numberAt);
            boolean none = number.has(Kind.NONE_OF) && !number.has(Kind.NUMBER);
            boolean any = number.has(Kind.ANY_OF);
            if (!number.has(Kind.NUMBER) && !none && !any) {
                continue;
            }
            int n = number.has(Kind.NUMBER) ? number.get(Kind.NUMBER).number() : 0;
            int at = next(numberAt);
            Condition.Comparison trailing = null;
            if (at < spans.size() && !spans.get(at).used && (spans.get(at).has(Kind.AT_LEAST) || spans.get(at).has(Kind.AT_MOST))
                    && listDimension(spans.get(at)) == null) {
                trailing = spans.get(at).has(Kind.AT_LEAST) ? Condition.Comparison.AT_LEAST : Condition.Comparison.AT_MOST;
                at = next(at);
            }
            Dimension dim = at < spans.size() && !spans.get(at).used ? listDimension(spans.get(at)) : null;
            if (dim == null) {
                continue;
            }
            int verb = previousMeaningful(cmp != null ? i : numberAt);
            boolean visitCue = verb >= 0 && !spans.get(verb).used && (spans.get(verb).has(Kind.CUE_BOOTH)
                    || spans.get(verb).has(Kind.CUE_INTEREST) || spans.get(verb).has(Kind.EMAIL_WORD));
            boolean negated = negatedBefore(visitCue ? verb : Math.min(i, numberAt));
            Condition.Comparison c;
            if (none || any && negated) {
                c = Condition.Comparison.EQUAL;
                n = 0;
            } else if (any) {
                c = Condition.Comparison.AT_LEAST;
                n = 1;
            } else if (negated && n == 1 && trailing == null && (cmp == null || cmp == Condition.Comparison.EQUAL)
                    && ONE.matcher(number.text).matches()) {
                // "didn't visit a single booth", "not one booth": none at all
                c = Condition.Comparison.EQUAL;
                n = 0;
            } else if (negated && (cmp != null && cmp != Condition.Comparison.EQUAL || trailing != null)) {
                c = inverse(trailing != null ? trailing : cmp); // "did not visit more than 3 booths": at most 3
            } else if (negated) {
                continue; // "didn't visit 3 booths": not a count a plan can say; left unplaced, the question is refused
            } else if (cmp != null || trailing != null) {
                c = trailing != null ? trailing : cmp;
            } else if (visitCue && !limitCue(numberAt)) {
                c = Condition.Comparison.EQUAL;
            } else {
                continue; // "top 5 booths": a limit
            }
            condition(new Condition.CountOf(dim, c, n), Math.min(i, numberAt));
            use(Math.min(i, numberAt), at + 1);
            if (visitCue) {
                spans.get(verb).use(spans.get(verb).meanings.get(0));
            }
            if (negated) {
                useBefore(visitCue ? verb : Math.min(i, numberAt), Kind.NEGATION);
            }
        }
    }

    /** "a single", "one", "even one": the one of "not a single booth". */
    private static final java.util.regex.Pattern ONE = java.util.regex.Pattern.compile("(?i)(a |even |even a )?(single|one)|an?");

    /** The comparison that holds when {@code c} does not. */
    private static Condition.Comparison inverse(Condition.Comparison c) {
        return switch (c) {
            case MORE_THAN -> Condition.Comparison.AT_MOST;
            case AT_MOST -> Condition.Comparison.MORE_THAN;
            case AT_LEAST -> Condition.Comparison.LESS_THAN;
            case LESS_THAN -> Condition.Comparison.AT_LEAST;
            case EQUAL -> throw new IllegalArgumentException("no inverse of equal");
        };
    }

    private static Condition.Comparison comparison(Span s) {
        if (s.has(Kind.MORE_THAN)) {
            return Condition.Comparison.MORE_THAN;
        }
        if (s.has(Kind.AT_LEAST)) {
            return Condition.Comparison.AT_LEAST;
        }
        if (s.has(Kind.AT_MOST)) {
            return Condition.Comparison.AT_MOST;
        }
        if (s.has(Kind.LESS_THAN)) {
            return Condition.Comparison.LESS_THAN;
        }
        if (s.has(Kind.EXACTLY)) {
            return Condition.Comparison.EQUAL;
        }
        return null;
    }

    /** Interests or booths, when the phrase names them as a dimension or a metric. */
    private static Dimension listDimension(Span s) {
        for (Meaning m : s.meanings) {
            if (m.kind() == Kind.DIMENSION && m.dimension().isList()) {
                return m.dimension();
            }
            if (m.kind() == Kind.METRIC && m.metric() == Metric.BOOTHS_VISITED) {
                return Dimension.BOOTH;
            }
            if (m.kind() == Kind.METRIC && m.metric() == Metric.INTERESTS) {
                return Dimension.INTEREST;
            }
        }
        return null;
    }

    private boolean limitCue(int i) {
        return i > 0 && (spans.get(i - 1).has(Kind.LIMIT) || spans.get(i - 1).has(Kind.MOST) || spans.get(i - 1).has(Kind.LEAST));
    }

    private void limits() {
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            if (s.used || !s.has(Kind.NUMBER)) {
                continue;
            }
            int n = s.get(Kind.NUMBER).number();
            boolean before = i > 0 && (spans.get(i - 1).has(Kind.LIMIT) || spans.get(i - 1).has(Kind.MOST)
                    || spans.get(i - 1).has(Kind.LEAST));
            int nx = next(i);
            boolean after = nx < spans.size() && (spans.get(nx).has(Kind.MOST) || spans.get(nx).has(Kind.LEAST));
            boolean then = nx < spans.size() && (spans.get(nx).has(Kind.DIMENSION) || spans.get(nx).has(Kind.ATTENDEE));
            if ((before || after || then && limitWordBefore(i)) && n >= 1) {
                limit = Math.min(n, QueryPlan.MAX_LIMIT);
                s.use(s.get(Kind.NUMBER));
                if (before && spans.get(i - 1).has(Kind.LIMIT) && !spans.get(i - 1).has(Kind.MOST) && !spans.get(i - 1).has(Kind.LEAST)) {
                    spans.get(i - 1).use(spans.get(i - 1).get(Kind.LIMIT));
                }
            }
        }
    }

    private boolean limitWordBefore(int i) {
        return i > 0 && (spans.get(i - 1).has(Kind.LIST) || spans.get(i - 1).has(Kind.STOP) && i > 1 && spans.get(i - 2).has(Kind.LIST)
                || spans.get(i - 1).text.matches("(?i)which|what|name|the|rank"));
    }

    // ---- e-mail, job titles ----------------------------------------------------------------

    private void emails() {
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            if (s.used) {
                continue;
            }
            Condition c = null;
            boolean negated = negatedBefore(i);
            if (s.has(Kind.EMAIL_GMAIL)) {
                c = new Condition.Equals(Dimension.EMAIL_DOMAIN, List.of("gmail.com"), negated);
            } else if (s.has(Kind.EMAIL_PERSONAL)) {
                c = new Condition.Equals(Dimension.EMAIL_KIND, List.of(EmailKinds.PERSONAL), negated);
            } else if (s.has(Kind.EMAIL_CORPORATE)) {
                c = new Condition.Equals(Dimension.EMAIL_KIND, List.of(EmailKinds.CORPORATE), negated);
            }
            if (c == null) {
                continue;
            }
            condition(c, i);
            s.use(s.meanings.get(0));
            if (negated) {
                useBefore(i, Kind.NEGATION);
            }
            for (int k = Math.max(0, i - 2); k <= Math.min(spans.size() - 1, i + 2); k++) {
                if (!spans.get(k).used && spans.get(k).has(Kind.EMAIL_WORD)) {
                    spans.get(k).use(spans.get(k).get(Kind.EMAIL_WORD));
                }
            }
        }
    }

    private static final java.util.regex.Pattern TITLE_WORD = java.util.regex.Pattern.compile(
            "(?i)(job )?(titles?|roles?|positions?)");
    private static final java.util.regex.Pattern IN = java.util.regex.Pattern.compile("(?i)in( the| their| his| her)?");
    private static final java.util.regex.Pattern CONTAINING = java.util.regex.Pattern.compile(
            "(?i)contains?|containing|includes?|including|mentions?|mentioning|has|having|with|says?|reads?");

    /**
     * Words said to be in a title: "Epic in their job title", "titles containing 'Nurse'". Any word
     * counts, known or not: it is searched for in the titles.
     */
    private void wordsInTitles() {
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            if (s.used || !TITLE_WORD.matcher(s.text).matches()) {
                continue;
            }
            // "X in (their|the) title"
            int in = i - 1;
            while (in >= 0 && spans.get(in).isFiller() && !IN.matcher(spans.get(in).text).matches()) {
                in--;
            }
            if (in >= 1 && IN.matcher(spans.get(in).text).matches() && !spans.get(in - 1).used
                    && !spans.get(in - 1).isFiller()) {
                Span word = spans.get(in - 1);
                condition(new Condition.Contains(Dimension.JOB_TITLE, List.of(word.text), negatedBefore(in - 1)
                        ? Condition.Match.NONE : Condition.Match.ANY), in - 1);
                if (negatedBefore(in - 1)) {
                    useBefore(in - 1, Kind.NEGATION);
                }
                use(in - 1, i + 1);
                word.use(null);
                continue;
            }
            // "titles containing X"
            int verb = i + 1;
            if (verb + 1 < spans.size() && CONTAINING.matcher(spans.get(verb).text).matches() && !spans.get(verb + 1).used
                    && !spans.get(verb + 1).isFiller()) {
                condition(new Condition.Contains(Dimension.JOB_TITLE, List.of(spans.get(verb + 1).text), Condition.Match.ANY), i);
                use(i, verb + 2);
                spans.get(verb + 1).use(null);
            }
        }
    }

    private void titles() {
        wordsInTitles();
        List<String> words = new ArrayList<>();
        int at = -1;
        boolean negated = false;
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            if (s.used || !s.has(Kind.TITLE)) {
                continue;
            }
            if (s.has(Kind.VALUE) && !prefersTitle(i)) {
                continue; // "security" next to an interest cue is the interest
            }
            for (String w : s.get(Kind.TITLE).words()) {
                if (!words.contains(w)) {
                    words.add(w);
                }
            }
            negated |= negatedBefore(i);
            at = at < 0 ? i : at;
            s.use(s.get(Kind.TITLE));
        }
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            Meaning v = s.used ? null : value(s, Dimension.JOB_TITLE);
            if (v != null && s.meanings.stream().filter(m -> m.kind() == Kind.VALUE).count() == 1) {
                words.add(v.value());
                at = at < 0 ? i : at;
                negated |= negatedBefore(i);
                s.use(v);
            }
        }
        if (!words.isEmpty()) {
            condition(new Condition.Contains(Dimension.JOB_TITLE, words, negated ? Condition.Match.NONE : Condition.Match.ANY), at);
        }
    }

    private boolean prefersTitle(int i) {
        Cue cue = cueBefore(i);
        return cue.kind == null || cue.kind == Kind.CUE_TITLE;
    }

    // ---- values ----------------------------------------------------------------------------

    private record Cue(Kind kind, int at) {}

    private void values() {
        int i = 0;
        while (i < spans.size()) {
            Span s = spans.get(i);
            if (s.used || !s.has(Kind.VALUE)) {
                i++;
                continue;
            }
            Cue cue = cueBefore(i);
            Dimension dim = dimensionOf(i, cue);
            List<String> values = new ArrayList<>();
            values.add(value(s, dim).value());
            s.use(value(s, dim));
            // A chain: "Docker, Kubernetes and Serverless", "startups or SMBs", "the Datadog booth or the
            // Dynatrace booth", "Mayo Clinic attendees or Cleveland Clinic attendees", "more Red Hat than Docker".
            Condition.Match match = Condition.Match.ANY;
            int last = i;
            int k = i + 1;
            while (k < spans.size()) {
                int j = k;
                while (j < spans.size() && j < k + 2 && !spans.get(j).used && (marks(spans.get(j), dim)
                        || spans.get(j).isFiller() && spans.get(j).has(Kind.ATTENDEE) && !QUESTION_WORD.matcher(spans.get(j).text).matches())) {
                    j++; // the value's marker ("booth", "attendees") before the join
                }
                if (j >= spans.size()) {
                    break;
                }
                Span join = spans.get(j);
                boolean and = join.has(Kind.AND);
                boolean than = than(j);
                boolean or = join.has(Kind.OR) || join.has(Kind.COMPARE) || than;
                boolean comma = j == k && !and && !or && !join.used && value(join, dim) != null && dim != Dimension.JOB_TITLE;
                if (!and && !or && !comma) {
                    break;
                }
                int v = comma ? j : j + 1;
                while (!comma && v < spans.size() && !spans.get(v).used && !spans.get(v).has(Kind.VALUE)
                        && (sameCue(spans.get(v), cue) || preposition(spans.get(v)) || or && comparative(spans.get(v))
                        || spans.get(v).has(Kind.STOP) && !QUESTION_WORD.matcher(spans.get(v).text).matches())) {
                    v++; // "from Google or from Microsoft", "or for non-profits", "or the GitHub booth", "or more SMB ..."
                }
                if (v >= spans.size() || spans.get(v).used || value(spans.get(v), dim) == null) {
                    break;
                }
                if (and) {
                    match = Condition.Match.ALL;
                }
                if (or) {
                    compared |= join.has(Kind.COMPARE) || than;
                    joinedWithOr = true;
                }
                if (!comma) {
                    use(k, j);
                    join.use(join.meanings.isEmpty() ? null : join.meanings.get(0));
                    use(j + 1, v);
                }
                if (!values.contains(value(spans.get(v), dim).value())) {
                    values.add(value(spans.get(v), dim).value());
                }
                spans.get(v).use(value(spans.get(v), dim));
                last = v;
                k = v + 1;
            }
            boolean negated = negatedBefore(cue.at >= 0 ? cue.at : i);
            if (cue.at >= 0) {
                Span c = spans.get(cue.at);
                if (!c.used) {
                    c.use(c.meanings.get(0));
                }
            }
            if (negated) {
                Span negation = negationBefore(cue.at >= 0 ? cue.at : i);
                useBefore(cue.at >= 0 ? cue.at : i, Kind.NEGATION);
                headBeforeExclusion(negation, dim);
            }
            if (describesEvent(last, dim)) {
                i = last + 1; // "at the healthcare event": the event itself, not a filter
                continue;
            }
            markerAfter(last, dim);
            int restatedTo = restated(last, dim, values);
            if (restatedTo > last) {
                last = restatedTo; // "smaller companies (startups and SMBs)": the same group, said again
                match = Condition.Match.ANY;
            }
            int at = cue.at >= 0 ? cue.at : i;
            if (dim.isList()) {
                Condition.Match m = negated ? Condition.Match.NONE : values.size() > 1 && match == Condition.Match.ALL
                        && !anyUnused(Kind.COMPARE) ? Condition.Match.ALL : Condition.Match.ANY;
                condition(new Condition.Items(dim, values, m), at);
                if (values.size() > 1 && m == Condition.Match.ALL) {
                    joinedWithAnd.add(where.size() - 1);
                }
            } else {
                condition(new Condition.Equals(dim, values, negated), at);
                if (values.size() > 1 && match == Condition.Match.ALL && !(dim == Dimension.COMPANY_SIZE && adjacentSizes(values))) {
                    joinedWithAnd.add(where.size() - 1);
                }
            }
            i = last + 1;
        }
    }

    /**
     * A bracket after a value that says the same group again in other words ("smaller companies
     * (startups and SMBs)", "the public sector (government)"): its values join the group's, with no
     * comparison between them. Returns where the bracket ends, or {@code last} when there is none.
     */
    private int restated(int last, Dimension dim, List<String> values) {
        int p = last + 1;
        while (p < spans.size() && spans.get(p).used && p <= last + 2 && !isOpening(spans.get(p))) {
            p++; // the value's marker, already used
        }
        if (p >= spans.size() || !isOpening(spans.get(p)) || spans.get(p).used) {
            return last;
        }
        List<String> inner = new ArrayList<>();
        int q = p + 1;
        for (; q < spans.size() && !isClosing(spans.get(q)); q++) {
            Span s = spans.get(q);
            if (s.used) {
                return last;
            }
            Meaning v = value(s, dim);
            if (v != null) {
                if (!inner.contains(v.value())) {
                    inner.add(v.value());
                }
            } else if (!(s.has(Kind.AND) || s.has(Kind.OR) || s.has(Kind.STOP) || s.isFiller() || marks(s, dim)
                    || s.has(Kind.CUE_COMPANY) || s.has(Kind.CUE_INDUSTRY))) {
                return last; // something else is said in the bracket
            }
        }
        if (inner.isEmpty()) {
            return last;
        }
        int end = Math.min(q, spans.size() - 1);
        for (int k = p; k <= end; k++) {
            Span s = spans.get(k);
            Meaning v = value(s, dim);
            s.use(v != null ? v : s.meanings.isEmpty() ? null : s.meanings.get(0));
        }
        for (String v : inner) {
            if (!values.contains(v)) {
                values.add(v);
            }
        }
        return end;
    }

    private static boolean isOpening(Span s) {
        return s.text.equals("(") || s.text.equals("[");
    }

    private static boolean isClosing(Span s) {
        return s.text.equals(")") || s.text.equals("]");
    }

    /** Company sizes in their order: neighbours joined by "and" make one band ("startups and SMBs": the small ones). */
    private static final List<String> SIZE_ORDER = List.of("Startup", "SMB", "Mid-Market", "Enterprise");

    /**
     * Whether company sizes are neighbours in their order ("startups and SMBs", "mid-market and
     * enterprise"): such a pair names one band of companies and is counted together, where the two
     * ends ("startups and enterprises") are set against each other.
     */
    private static boolean adjacentSizes(List<String> values) {
        List<Integer> at = values.stream().map(SIZE_ORDER::indexOf).sorted().toList();
        if (at.contains(-1) || at.size() < 2 || at.size() == SIZE_ORDER.size()) {
            return false;
        }
        return at.get(at.size() - 1) - at.get(0) == at.size() - 1;
    }

    /** "than" after a comparative ("more people visited Red Hat than Docker"): it joins the two things compared. */
    private boolean than(int j) {
        if (!spans.get(j).text.equalsIgnoreCase("than")) {
            return false;
        }
        for (int k = j - 1; k >= 0; k--) {
            if (comparative(spans.get(k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean comparative(Span s) {
        return (s.has(Kind.MOST) || s.has(Kind.LEAST)) && s.text.matches("(?i)more|less|fewer|bigger|larger|smaller|greater|higher|lower");
    }

    /** A preposition that may be repeated after "or" ("in the public sector or for non-profits"). */
    private static boolean preposition(Span s) {
        return (s.has(Kind.CUE_COMPANY) || s.has(Kind.CUE_INDUSTRY) || s.has(Kind.ON)) && !s.has(Kind.DIMENSION)
                && s.text.matches("(?i)for|at|in|in the|from|from the|with|of|on|among|by");
    }

    /** Whether a word says what a value is: "booth" after a booth, "companies" after an industry or a size. */
    private static boolean marks(Span s, Dimension dim) {
        return dim == Dimension.BOOTH && (s.has(Kind.CUE_BOOTH) && s.text.matches("(?i)booths?|stands?|exhibits?|pavilions?|lounges?")
                || hasDimension(s, Dimension.BOOTH))
                || (dim == Dimension.INDUSTRY || dim == Dimension.COMPANY_SIZE) && (hasDimension(s, Dimension.COMPANY)
                        || hasDimension(s, Dimension.INDUSTRY) || s.has(Kind.CUE_INDUSTRY) && !s.text.matches("(?i)in|in the|from the|work in|works in|working in"))
                || dim == Dimension.INTEREST && hasDimension(s, Dimension.INTEREST)
                || dim == Dimension.COMPANY && s.text.matches("(?i)employees?|staff|people|folks|team");
    }

    // ---- alternatives ------------------------------------------------------------------------

    /**
     * "personal email addresses or corporate email addresses", "the first day or the last day": two
     * conditions on one column joined by "or", "vs" or "than" are alternatives, one condition with
     * both values (compared, when the question asks which is more), not two that must both hold.
     */
    private void alternatives() {
        for (int a = 0; a < where.size(); a++) {
            for (int b = a + 1; b < where.size(); b++) {
                int join = joinBetween(whereAt.get(a), whereAt.get(b));
                Condition merged = join < 0 ? null : merge(where.get(a), where.get(b));
                if (merged == null) {
                    continue;
                }
                where.set(a, merged);
                where.remove(b);
                whereAt.remove(b);
                Span j = spans.get(join);
                compared |= j.has(Kind.COMPARE) || than(join);
                joinedWithOr = true;
                if (!j.used) {
                    j.use(j.meanings.isEmpty() ? null : j.meanings.get(0));
                }
                b--;
            }
        }
    }

    /** The "or", "vs" or comparative "than" between two conditions said at {@code from} and {@code to}, or -1. */
    private int joinBetween(int from, int to) {
        int lo = Math.min(from, to);
        int hi = Math.max(from, to);
        if (whereAt.stream().anyMatch(w -> w > lo && w < hi)) {
            return -1; // another condition stands between them
        }
        for (int k = lo + 1; k < hi; k++) {
            Span s = spans.get(k);
            if (s.has(Kind.OR) || s.has(Kind.COMPARE) || than(k)) {
                return k;
            }
            if (s.has(Kind.AND)) {
                return -1;
            }
        }
        return -1;
    }

    /** Two conditions as one that either satisfies, or null when they are not on the same column. */
    private Condition merge(Condition x, Condition y) {
        if (x instanceof Condition.Equals a && y instanceof Condition.Equals b && a.dimension() == b.dimension()
                && !a.negated() && !b.negated()) {
            return new Condition.Equals(a.dimension(), union(a.values(), b.values()), false);
        }
        if (x instanceof Condition.Items a && y instanceof Condition.Items b && a.dimension() == b.dimension()
                && a.match() == Condition.Match.ANY && b.match() == Condition.Match.ANY) {
            return new Condition.Items(a.dimension(), union(a.values(), b.values()), Condition.Match.ANY);
        }
        if (x instanceof Condition.EventDay a && y instanceof Condition.EventDay b) {
            String first = eventDay(a.day());
            String second = eventDay(b.day());
            return first == null || second == null ? null
                    : new Condition.Equals(Dimension.ARRIVAL_DAY, union(List.of(first), List.of(second)), false);
        }
        return null;
    }

    /** The stored date of the event's n-th day (-1: the last), or null. */
    private String eventDay(int n) {
        List<String> days = vocabulary.of(Dimension.ARRIVAL_DAY).stream().sorted().toList();
        int k = n > 0 ? n - 1 : days.size() + n;
        return k >= 0 && k < days.size() ? days.get(k) : null;
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        for (String v : b) {
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * "How many more attendees came on the first day than on the last day?": a difference between
     * two counts, which a plan does not compute; answering either count, or both, would answer
     * another question.
     */
    private String difference() {
        for (int i = 0; i + 1 < spans.size(); i++) {
            Span s = spans.get(i);
            Span n = spans.get(i + 1);
            if (s.has(Kind.COUNT) && s.text.matches("(?i)how many|how much") && comparative(n) && !n.used
                    && (joinedWithOr || compared || spans.stream().anyMatch(x -> x.text.equalsIgnoreCase("than")))) {
                return "I can compare counts side by side but not subtract them ('" + s.text + " " + n.text + "'); ask for"
                        + " each, or for one 'vs' the other";
            }
        }
        return null;
    }

    private boolean compared;
    /** Whether values were joined by "or" ("from Google or from Microsoft"). */
    private boolean joinedWithOr;

    /** Whether a phrase repeats the cue that introduced a chain of values ("from ... or from ..."). */
    private static boolean sameCue(Span s, Cue cue) {
        return cue.kind != null && !s.used && s.has(cue.kind) && !s.has(Kind.VALUE);
    }
    /** Conditions whose values were joined by "and" ("startups and enterprises"): comparisons in a count. */
    private final List<Integer> joinedWithAnd = new ArrayList<>();

    private static Meaning value(Span s, Dimension d) {
        for (Meaning m : s.meanings) {
            if (m.kind() == Kind.VALUE && m.dimension() == d) {
                return m;
            }
        }
        if (d == Dimension.COMPANY) {
            for (Meaning m : s.meanings) {
                if (m.kind() == Kind.VALUE && m.dimension() == Dimension.BOOTH) {
                    return Meaning.value(Dimension.COMPANY, m.value());
                }
            }
        }
        return null;
    }

    /**
     * The cue before a value ("interested in", "visited", "from", "in"), passing over fillers and
     * negations; a cue that cannot introduce any reading of the value (a booth cue before an industry)
     * is passed over and left for what it belongs to.
     */
    private Cue cueBefore(int i) {
        List<Dimension> candidates = spans.get(i).meanings.stream().filter(m -> m.kind() == Kind.VALUE).map(Meaning::dimension).toList();
        for (int k = i - 1, seen = 0; k >= 0 && seen < 4; k--) {
            Span s = spans.get(k);
            if (s.used && !s.isFiller()) {
                break;
            }
            Kind kind = s.has(Kind.CUE_INTEREST) && fits(Kind.CUE_INTEREST, candidates) ? Kind.CUE_INTEREST
                    : s.has(Kind.CUE_BOOTH) && fits(Kind.CUE_BOOTH, candidates) ? Kind.CUE_BOOTH
                    : s.has(Kind.CUE_COMPANY) && fits(Kind.CUE_COMPANY, candidates) ? Kind.CUE_COMPANY
                    : s.has(Kind.CUE_INDUSTRY) && fits(Kind.CUE_INDUSTRY, candidates) ? Kind.CUE_INDUSTRY
                    : s.has(Kind.CUE_TITLE) && fits(Kind.CUE_TITLE, candidates) ? Kind.CUE_TITLE : null;
            if (kind != null && !(s.has(Kind.DIMENSION) && !candidates.contains(s.get(Kind.DIMENSION).dimension())
                    && kind != Kind.CUE_COMPANY)) {
                return new Cue(kind, k);
            }
            if (s.has(Kind.DIMENSION)) {
                break;
            }
            if (s.isFiller() || s.has(Kind.NEGATION) || s.has(Kind.ANY_OF) || s.has(Kind.ALL_OF) || s.has(Kind.ON)) {
                seen += s.isFiller() ? 0 : 1;
                continue;
            }
            break;
        }
        return new Cue(null, -1);
    }

    /** Whether a cue can introduce one of the readings of a value. */
    private static boolean fits(Kind cue, List<Dimension> candidates) {
        return switch (cue) {
            case CUE_INTEREST -> candidates.contains(Dimension.INTEREST);
            case CUE_BOOTH -> candidates.contains(Dimension.BOOTH);
            case CUE_COMPANY -> candidates.stream().anyMatch(d -> d == Dimension.COMPANY || d == Dimension.INDUSTRY
                    || d == Dimension.COMPANY_SIZE || d == Dimension.EVENT || d == Dimension.BOOTH);
            case CUE_INDUSTRY -> candidates.stream().anyMatch(d -> d == Dimension.INDUSTRY || d == Dimension.COMPANY_SIZE
                    || d == Dimension.INTEREST || d == Dimension.EVENT);
            case CUE_TITLE -> candidates.contains(Dimension.JOB_TITLE);
            default -> false;
        };
    }

    private Dimension dimensionOf(int i, Cue cue) {
        Span s = spans.get(i);
        List<Dimension> candidates = s.meanings.stream().filter(m -> m.kind() == Kind.VALUE).map(Meaning::dimension).distinct().toList();
        if (cue.kind == Kind.CUE_COMPANY && !candidates.contains(Dimension.COMPANY) && !candidates.contains(Dimension.INDUSTRY)
                && !candidates.contains(Dimension.COMPANY_SIZE) && candidates.contains(Dimension.BOOTH)
                && companyCue(spans.get(cue.at))) {
            return Dimension.COMPANY; // "attendees from Akamai": the company, though none of its people came
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        int n = next(i);
        Span after = n < spans.size() ? spans.get(n) : null;
        if (after != null && (after.has(Kind.CUE_BOOTH) || after.has(Kind.DIMENSION) && after.get(Kind.DIMENSION).dimension() == Dimension.BOOTH)
                && candidates.contains(Dimension.BOOTH)) {
            return Dimension.BOOTH;
        }
        // "cybersecurity industry", "security interest": the word after says which reading
        if (after != null && (hasDimension(after, Dimension.INDUSTRY) && candidates.contains(Dimension.INDUSTRY)
                || hasDimension(after, Dimension.INTEREST) && candidates.contains(Dimension.INTEREST))) {
            return hasDimension(after, Dimension.INDUSTRY) && candidates.contains(Dimension.INDUSTRY) ? Dimension.INDUSTRY
                    : Dimension.INTEREST;
        }
        if (after != null && after.text.equalsIgnoreCase("interested") && candidates.contains(Dimension.INTEREST)) {
            return Dimension.INTEREST; // "telehealth-interested"
        }
        List<Dimension> order = switch (cue.kind == null ? Kind.STOP : cue.kind) {
            case CUE_INTEREST -> List.of(Dimension.INTEREST, Dimension.BOOTH, Dimension.COMPANY);
            case CUE_BOOTH -> List.of(Dimension.BOOTH, Dimension.COMPANY, Dimension.INTEREST);
            case CUE_COMPANY -> List.of(Dimension.COMPANY_SIZE, Dimension.INDUSTRY, Dimension.COMPANY, Dimension.EVENT,
                    Dimension.BOOTH, Dimension.INTEREST);
            case CUE_INDUSTRY -> List.of(Dimension.INDUSTRY, Dimension.COMPANY_SIZE, Dimension.INTEREST, Dimension.EVENT,
                    Dimension.COMPANY, Dimension.BOOTH);
            default -> DEFAULT_ORDER;
        };
        if (after != null && after.has(Kind.DIMENSION) && after.get(Kind.DIMENSION).dimension() == Dimension.COMPANY) {
            order = List.of(Dimension.COMPANY_SIZE, Dimension.INDUSTRY, Dimension.COMPANY);
        }
        for (Dimension d : order) {
            if (candidates.contains(d)) {
                if (cue.kind == null) {
                    doubt(s.text + " read as " + d.words(), 0.08);
                }
                return d;
            }
        }
        for (Dimension d : DEFAULT_ORDER) {
            if (candidates.contains(d)) {
                doubt(s.text + " read as " + d.words(), 0.1);
                return d;
            }
        }
        return candidates.get(0);
    }

    /**
     * "attendees from companies other than Google": the word before the exclusion names what the
     * value is, unless the question ranks or breaks down by it ("which companies other than Google").
     */
    private void headBeforeExclusion(Span negation, Dimension dim) {
        if (negation == null || !EXCLUDING.matcher(negation.text).matches()) {
            return;
        }
        int k = spans.indexOf(negation) - 1;
        if (k < 0 || spans.get(k).used) {
            return;
        }
        Span head = spans.get(k);
        boolean names = hasDimension(head, dim) || (dim == Dimension.INDUSTRY || dim == Dimension.COMPANY_SIZE)
                && hasDimension(head, Dimension.COMPANY);
        boolean ranks = anyUnused(Kind.MOST) || anyUnused(Kind.LEAST) || anyUnused(Kind.BREAKDOWN) || anyUnused(Kind.COMPARE)
                || startsWith("which", "what", "whats", "what's", "rank", "top", "list", "show");
        if (names && !ranks) {
            head.use(head.get(Kind.DIMENSION));
        }
    }

    /** Whether the value names the event's kind ("the healthcare event", "this AI conference"). */
    private boolean describesEvent(int last, Dimension dim) {
        if (dim != Dimension.INDUSTRY && dim != Dimension.INTEREST) {
            return false;
        }
        int n = last + 1;
        if (n >= spans.size() || !spans.get(n).text.toLowerCase(java.util.Locale.ROOT)
                .matches("event|conference|summit|expo|show|meeting|congress|convention|forum")) {
            return false;
        }
        spans.get(n).use(spans.get(n).meanings.get(0));
        return true;
    }

    private static boolean companyCue(Span s) {
        return s.text.toLowerCase(java.util.Locale.ROOT).matches("from|work(s|ing)? (at|for)|employees? (of|at)|employed (at|by)|staff (of|at|from)|people from|representing");
    }

    /** "the Docker booth", "healthcare companies", "Google employees": the word after a value that says what it is. */
    private void markerAfter(int i, Dimension dim) {
        int n = i + 1;
        while (n < spans.size() && spans.get(n).isFiller() && !QUESTION_WORD.matcher(spans.get(n).text).matches()) {
            n++; // "Datadog's booth"; not "Excluding Technology, which industry ..."
        }
        if (n >= spans.size() || spans.get(n).used) {
            return;
        }
        Span s = spans.get(n);
        boolean marks = dim == Dimension.BOOTH && (s.has(Kind.CUE_BOOTH) || hasDimension(s, Dimension.BOOTH))
                || (dim == Dimension.INDUSTRY || dim == Dimension.COMPANY_SIZE) && (hasDimension(s, Dimension.COMPANY)
                        || hasDimension(s, Dimension.INDUSTRY) || s.has(Kind.CUE_INDUSTRY))
                || dim == Dimension.INTEREST && (hasDimension(s, Dimension.INTEREST) || s.has(Kind.CUE_INTEREST))
                || dim == Dimension.COMPANY && s.text.matches("(?i)employees?|staff|people|folks|team");
        if (marks && !groupingWordAfter(n)) {
            s.use(s.meanings.isEmpty() ? Meaning.of(Kind.STOP) : s.meanings.get(0));
        }
    }

    private static final java.util.regex.Pattern QUESTION_WORD = java.util.regex.Pattern.compile(
            "(?i)which|what|whats|what's|who|whom|whose|how|where|when");

    /** Whether a dimension word is what the question groups by ("Healthcare companies by size" no; "top companies" yes). */
    private boolean groupingWordAfter(int n) {
        if (!hasDimension(spans.get(n), Dimension.COMPANY) || spans.get(n).text.matches("(?i)employees?|staff|people|folks|team")) {
            return false; // "Which IBM employees ...": the people, not their companies
        }
        boolean ranks = anyUnused(Kind.MOST) || anyUnused(Kind.LEAST) || startsWith("which", "what", "rank", "top");
        if (!ranks) {
            return false;
        }
        for (int k = 0; k < spans.size(); k++) {
            if (k != n && !spans.get(k).used && groupDimension(spans.get(k)) != null && !spans.get(k).isFiller()) {
                return false; // "which booths did healthcare companies visit most": booths are grouped
            }
        }
        return true;
    }

    private static boolean hasDimension(Span s, Dimension d) {
        return s.meanings.stream().anyMatch(m -> m.kind() == Kind.DIMENSION && m.dimension() == d);
    }

    // ---- groupings --------------------------------------------------------------------------

    private void groupings() {
        boolean asks = anyUnused(Kind.MOST) || anyUnused(Kind.LEAST) || anyUnused(Kind.BREAKDOWN) || anyUnused(Kind.COMPARE)
                || startsWith("which", "what", "whats", "what's", "list", "show", "name", "rank", "give", "top");
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            if (s.used || !s.has(Kind.DIMENSION)) {
                continue;
            }
            Dimension d = groupDimension(s);
            if (d == null) {
                continue;
            }
            int p = previousMeaningful(i);
            Span before = p >= 0 ? spans.get(p) : null;
            boolean countBefore = before != null && before.has(Kind.COUNT) && !attendeeBetween(p, i);
            if (metricQuestion() && (d.isList() || d.isCount() || d == Dimension.ARRIVAL_HOUR) && metricAt(i) != null) {
                continue; // "average number of booths": the metric, not a grouping
            }
            if (countBefore && !anyUnused(Kind.BREAKDOWN) && groupings.isEmpty() && distinct == null && !d.isList()
                    || countBefore && d.isList() && !followedByVisit(i)) {
                distinct = d;
                s.use(s.get(Kind.DIMENSION));
                before.use(before.get(Kind.COUNT));
                continue;
            }
            if (d.isList() && !asks && visitedBefore(i) && limit == null) {
                // "How many attendees visited booths?": at least one
                condition(new Condition.CountOf(d, Condition.Comparison.AT_LEAST, 1), i);
                s.use(s.get(Kind.DIMENSION));
                useBefore(i, d == Dimension.BOOTH ? Kind.CUE_BOOTH : Kind.CUE_INTEREST);
                continue;
            }
            if (asks || before != null && (before.has(Kind.BREAKDOWN) || before.has(Kind.COMPARE))) {
                if (groupings.size() < 2 && groupings.stream().noneMatch(g -> g.dimension() == d)) {
                    groupings.add(Grouping.by(d));
                    groupingAt.add(i);
                    s.use(s.get(Kind.DIMENSION));
                    if (before != null && before.has(Kind.BREAKDOWN)) {
                        before.use(before.get(Kind.BREAKDOWN));
                    }
                    // "Which booths were visited most": the verb belongs to the grouping
                    int n = next(i);
                    if (n < spans.size() && !spans.get(n).used && spans.get(n).has(d == Dimension.BOOTH ? Kind.CUE_BOOTH : Kind.CUE_INTEREST)
                            && (next(n) >= spans.size() || !spans.get(next(n)).has(Kind.VALUE))) {
                        spans.get(n).use(spans.get(n).meanings.get(0));
                    }
                }
            }
        }
        comparedWithOr();
        comparedInGrouping();
        impliedCompanies(asks);
        itemsAsked();
        // A dimension the question names and nothing else used: what it groups by ("attendees per day").
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            Dimension d = s.used ? null : groupDimension(s);
            if (d != null && !metricQuestion() && groupings.size() < 2 && groupings.stream().noneMatch(g -> g.dimension() == d)
                    && distinct == null) {
                groupings.add(Grouping.by(d));
                groupingAt.add(i);
                s.use(s.meanings.get(0));
            }
        }
        if (!groupings.isEmpty() || distinct != null) {
            useAll(Kind.BREAKDOWN);
        }
        excludedGroups();
    }

    /** Words that set values aside ("apart from Kubernetes"), as against those that say an attendee lacks them ("not"). */
    private static final java.util.regex.Pattern EXCLUDING = java.util.regex.Pattern.compile(
            "(?i)except|except for|excluding|exclude|excluded|apart from|aside from|besides|beside|other than|leaving out"
            + "|leaving aside|setting aside|not counting|not including|barring|save for|minus|but not");

    /**
     * "Besides Kubernetes, what is the most common interest?": interests or booths set aside from the
     * very ones ranked are left out of the ranking, not attendees who have them left out of the count.
     */
    private void excludedGroups() {
        for (int g = 0; g < groupings.size(); g++) {
            Grouping grouping = groupings.get(g);
            if (!grouping.dimension().isList() || !grouping.only().isEmpty()) {
                continue;
            }
            for (int c = 0; c < where.size(); c++) {
                if (!(where.get(c) instanceof Condition.Items it) || it.dimension() != grouping.dimension()
                        || it.match() != Condition.Match.NONE) {
                    continue;
                }
                Span negation = negationBefore(whereAt.get(c));
                if (negation == null || !EXCLUDING.matcher(negation.text).matches()) {
                    continue;
                }
                List<String> kept = new ArrayList<>(vocabulary.of(grouping.dimension()));
                kept.removeAll(it.values());
                if (kept.isEmpty()) {
                    continue;
                }
                groupings.set(g, new Grouping(grouping.dimension(), kept));
                where.remove(c);
                whereAt.remove(c);
                return;
            }
        }
    }

    /**
     * "What are the Google attendees interested in?", "Which did the startups visit?": a verb of
     * interests or visits that ends the question, with no value after it, asks for those items.
     */
    private void itemsAsked() {
        if (!groupings.isEmpty() || distinct != null || !startsWith("what", "which", "whats", "what's") || metricQuestion()
                || spans.stream().anyMatch(x -> !x.used && listDimension(x) != null && !x.has(Kind.CUE_BOOTH) && !x.has(Kind.CUE_INTEREST))) {
            return;
        }
        for (int i = spans.size() - 1; i >= 0; i--) {
            Span s = spans.get(i);
            if (s.isFiller()) {
                continue;
            }
            if (!s.used && (s.has(Kind.CUE_INTEREST) || s.has(Kind.CUE_BOOTH)) && !s.has(Kind.DIMENSION) && !s.has(Kind.METRIC)) {
                groupings.add(Grouping.by(s.has(Kind.CUE_INTEREST) ? Dimension.INTEREST : Dimension.BOOTH));
                groupingAt.add(i);
                s.use(s.has(Kind.CUE_INTEREST) ? s.get(Kind.CUE_INTEREST) : s.get(Kind.CUE_BOOTH));
            }
            return;
        }
    }

    /**
     * "Were there more people from Google or from Microsoft?", "did more startups or enterprises
     * come?": values joined by "or" in a question that asks which is more (or less) are compared.
     */
    private void comparedWithOr() {
        if (!joinedWithOr || !groupings.isEmpty() || distinct != null) {
            return;
        }
        Span comparative = null;
        for (Span s : spans) {
            if (!s.used && (s.has(Kind.MOST) || s.has(Kind.LEAST)) && s.text.matches("(?i)more|less|fewer|bigger|larger|smaller")) {
                comparative = s;
            }
        }
        if (comparative == null) {
            return;
        }
        for (int c = 0; c < where.size(); c++) {
            Condition cond = where.get(c);
            List<String> values = cond instanceof Condition.Equals e && !e.negated() ? e.values()
                    : cond instanceof Condition.Items it && it.match() == Condition.Match.ANY ? it.values() : List.of();
            if (values.size() >= 2) {
                groupings.add(new Grouping(dimension(cond), values));
                groupingAt.add(whereAt.get(c));
                where.remove(c);
                whereAt.remove(c);
                comparative.use(comparative.meanings.get(0));
                return;
            }
        }
    }

    /**
     * "Did Kubernetes or Docker draw more interest?": values joined by "or" of the very dimension
     * grouped are the groups compared, not a condition on the attendees.
     */
    private void comparedInGrouping() {
        if (!joinedWithOr || groupings.size() != 1 || !groupings.get(0).only().isEmpty()) {
            return;
        }
        Dimension d = groupings.get(0).dimension();
        for (int c = 0; c < where.size(); c++) {
            Condition cond = where.get(c);
            List<String> values = cond instanceof Condition.Equals e && !e.negated() ? e.values()
                    : cond instanceof Condition.Items it && it.match() == Condition.Match.ANY ? it.values() : List.of();
            if (values.size() >= 2 && dimension(cond) == d) {
                groupings.set(0, new Grouping(d, values));
                where.remove(c);
                whereAt.remove(c);
                return;
            }
        }
    }

    /**
     * Sizes and industries stand for companies: "which startups sent the most people" groups by
     * company; "how many startups" counts companies.
     */
    private void impliedCompanies(boolean asks) {
        if (!groupings.isEmpty() || distinct != null || compared || anyUnused(Kind.COMPARE)) {
            return; // "startups versus SMBs: how many each?": the sizes are compared, not their companies ranked
        }
        for (int c = 0; c < where.size(); c++) {
            if (!(where.get(c) instanceof Condition.Equals e) || e.negated()
                    || e.dimension() != Dimension.COMPANY_SIZE && e.dimension() != Dimension.INDUSTRY) {
                continue;
            }
            int at = whereAt.get(c);
            Span s = spans.get(at);
            String words = s.text.toLowerCase(java.util.Locale.ROOT);
            int v = at;
            while (v < spans.size() && !spans.get(v).has(Kind.VALUE)) {
                v++;
            }
            String value = v < spans.size() ? spans.get(v).text.toLowerCase(java.util.Locale.ROOT) : words;
            int after = next(v);
            String marker = after < spans.size() ? spans.get(after).text.toLowerCase(java.util.Locale.ROOT) : "";
            boolean companies = value.matches(".*(" + COMPANIES + ")$") || marker.matches(COMPANY_WORDS);
            if (!companies) {
                continue;
            }
            int p = previousMeaningful(v);
            if (p >= 0 && !spans.get(p).used && spans.get(p).has(Kind.COUNT)) {
                distinct = Dimension.COMPANY;
                spans.get(p).use(spans.get(p).get(Kind.COUNT));
                return;
            }
            boolean ranking = anyUnused(Kind.MOST) || anyUnused(Kind.LEAST) || anyUnused(Kind.BREAKDOWN) || startsWith("which", "rank");
            if (asks && ranking && !anyUnused(Kind.SHARE)) {
                groupings.add(Grouping.by(Dimension.COMPANY));
                groupingAt.add(v);
                return;
            }
        }
    }

    private final List<Integer> groupingAt = new ArrayList<>();
    /** Words that stand for companies after a size or an industry ("healthcare firms"). */
    private static final String COMPANIES = "startups|start-ups|enterprises|smbs|smes|companies|firms|businesses|"
            + "corporations|organi[sz]ations|multinationals|employers|vendors|institutions|providers|banks|hospitals";
    private static final String COMPANY_WORDS = "startups|start-ups|enterprises|smbs|smes|compan(y|ies)|firms?|businesses|"
            + "corporations?|organi[sz]ations?|multinationals|employers?|vendors?|institutions?|providers?|banks?|hospitals?";

    private Dimension groupDimension(Span s) {
        for (Meaning m : s.meanings) {
            if (m.kind() == Kind.DIMENSION && m.dimension() == Dimension.EVENT && s.has(Kind.STOP)
                    && tokens.get(s.end - 1).lower().equals(tokens.get(s.end - 1).stem()) && !afterBreakdown(spans.indexOf(s))) {
                continue; // "attended the event": the event itself
            }
            if (m.kind() == Kind.DIMENSION && m.dimension() != Dimension.NAME) {
                return m.dimension();
            }
        }
        if (!metricQuestion() && s.has(Kind.METRIC)) {
            Metric m = s.get(Kind.METRIC).metric();
            return m == Metric.BOOTHS_VISITED ? Dimension.BOOTH : m == Metric.INTERESTS ? Dimension.INTEREST : null;
        }
        return null;
    }

    /** Whether "per", "by" or "each" comes just before phrase {@code i}. */
    private boolean afterBreakdown(int i) {
        int p = i - 1;
        while (p >= 0 && spans.get(p).isFiller() && !spans.get(p).has(Kind.BREAKDOWN)) {
            p--;
        }
        return p >= 0 && spans.get(p).has(Kind.BREAKDOWN);
    }

    private boolean followedByVisit(int i) {
        int n = next(i);
        return n < spans.size() && (spans.get(n).has(Kind.CUE_BOOTH) || spans.get(n).has(Kind.CUE_INTEREST));
    }

    private boolean visitedBefore(int i) {
        int p = previousMeaningful(i);
        return p >= 0 && (spans.get(p).has(Kind.CUE_BOOTH) || spans.get(p).has(Kind.CUE_INTEREST));
    }

    private boolean attendeeBetween(int from, int to) {
        for (int k = from + 1; k < to; k++) {
            if (spans.get(k).has(Kind.ATTENDEE) && !spans.get(k).has(Kind.STOP)) {
                return true;
            }
        }
        return false;
    }

    private boolean metricQuestion() {
        return anyUnused(Kind.AVERAGE) || anyUnused(Kind.MINIMUM) || anyUnused(Kind.MAXIMUM) || perAttendee != null;
    }

    private Metric metricAt(int i) {
        Meaning m = spans.get(i).get(Kind.METRIC);
        return m == null ? null : m.metric();
    }

    // ---- comparisons -----------------------------------------------------------------------

    private void compare() {
        boolean compareWord = anyUnused(Kind.COMPARE) || compared;
        if (!groupings.isEmpty() || distinct != null) {
            if (compareWord) {
                useAll(Kind.COMPARE);
            }
            return;
        }
        for (int c = 0; c < where.size(); c++) {
            Condition cond = where.get(c);
            List<String> values = cond instanceof Condition.Equals e && !e.negated() ? e.values()
                    : cond instanceof Condition.Items it && it.match() != Condition.Match.NONE ? it.values() : List.of();
            if (values.size() < 2) {
                continue;
            }
            Dimension d = cond instanceof Condition.Equals e ? e.dimension() : ((Condition.Items) cond).dimension();
            boolean single = cond instanceof Condition.Equals;
            if (compareWord || single && joinedWithAnd.contains(c) && !anyUnused(Kind.LIST)) {
                groupings.add(new Grouping(d, values));
                groupingAt.add(whereAt.get(c));
                where.remove(c);
                whereAt.remove(c);
                useAll(Kind.COMPARE);
                return;
            }
        }
    }

    // ---- the measure -------------------------------------------------------------------------

    private QueryPlan measure() {
        boolean share = anyUnused(Kind.SHARE);
        Metric metric = null;
        Measure aggregate = anyUnused(Kind.AVERAGE) ? Measure.AVERAGE : anyUnused(Kind.MAXIMUM) ? Measure.MAXIMUM
                : anyUnused(Kind.MINIMUM) ? Measure.MINIMUM : perAttendee;
        if (aggregate != null) {
            metric = metric();
            if (metric == null) {
                aggregate = null;
            } else {
                useAll(Kind.AVERAGE);
                useAll(Kind.MINIMUM);
                useAll(Kind.MAXIMUM);
                useAll(Kind.COUNT);
            }
        }
        QueryPlan plan;
        if (share) {
            useAll(Kind.SHARE);
            useAll(Kind.COUNT);
            plan = sharePlan();
        } else if (aggregate != null) {
            plan = QueryPlan.count().of(aggregate, metric).withWhere(where).withGroupBy(groupings);
        } else if (distinct != null) {
            plan = QueryPlan.count().countDistinct(distinct).withWhere(where).withGroupBy(groupings);
        } else if (groupings.isEmpty() && (anyUnused(Kind.LIST) || whichAttendees()) && !anyUnused(Kind.COUNT)) {
            useAll(Kind.LIST);
            plan = QueryPlan.list().withWhere(where).limit(limit != null ? limit : LIST_LIMIT);
        } else {
            if (!anyUnused(Kind.COUNT) && groupings.isEmpty() && !startsWith("how", "number", "count", "total")) {
                doubt("counting was assumed", 0.05);
            }
            useAll(Kind.COUNT);
            plan = QueryPlan.count().withWhere(where).withGroupBy(groupings);
        }
        if (!groupings.isEmpty()) {
            useAll(Kind.LIST);
        }
        return plan;
    }

    /**
     * "Which Google attendees visited the most booths?", "Who has the most interests?": attendees
     * ranked by how many booths or interests they have, which a plan cannot say (it ranks groups,
     * not attendees); the booths visited most would be another question's answer.
     */
    private String rankingOfAttendees() {
        if (!startsWith("who", "whom") && !whichAttendees()) {
            return null;
        }
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            int n = next(i);
            if (!s.used && (s.has(Kind.MOST) || s.has(Kind.LEAST)) && n < spans.size() && !spans.get(n).used
                    && listDimension(spans.get(n)) != null) {
                String items = listDimension(spans.get(n)) == Dimension.BOOTH ? "booths they visited" : "interests they have";
                return "I can list attendees, but not rank them by how many " + items + " ('" + s.text + " "
                        + spans.get(n).text + "'); ask for the " + s.text + " " + spans.get(n).text
                        + " any attendee has, or for the attendees with more than a number of them";
            }
        }
        return null;
    }

    /** Attendee words that stand for a number of them ("turnout", "traffic"), not for the people. */
    private static final java.util.regex.Pattern COUNT_NOUN = java.util.regex.Pattern.compile(
            "(?i)attendance|turnout|turn-out|footfall|foot traffic|traffic|visits|visit count|numbers|representation|represented"
            + "|presence|registered|crowd|audience|arrivals|check-ins|checkins|check ins|badge scans|entries|rows|records");

    /**
     * "Which Capital One attendees visited the Snyk booth?": a question that begins with "which" and
     * whose subject, after its conditions, is the attendees asks for the attendees themselves.
     */
    private boolean whichAttendees() {
        if (!startsWith("which")) {
            return false;
        }
        for (int i = 1; i < spans.size(); i++) {
            Span s = spans.get(i);
            if (s.has(Kind.ATTENDEE) && !s.has(Kind.STOP) && !COUNT_NOUN.matcher(s.text).matches()
                    || s.text.matches("(?i)employees?|staff|folks|team")) {
                return true;
            }
            if (!s.used && !s.has(Kind.STOP) && !s.has(Kind.CUE_COMPANY) && !s.has(Kind.CUE_INDUSTRY) && !s.has(Kind.ONLY)) {
                return false; // "which booths ...": something else is asked for
            }
        }
        return false;
    }

    private Metric metric() {
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            if (!s.used && s.has(Kind.METRIC)) {
                Metric m = s.get(Kind.METRIC).metric();
                s.use(s.get(Kind.METRIC));
                // "booths visited", "booths do attendees visit": the verb belongs to the metric
                int n = next(i);
                if (n < spans.size() && !spans.get(n).used && (spans.get(n).has(Kind.CUE_BOOTH) && m == Metric.BOOTHS_VISITED)) {
                    spans.get(n).use(spans.get(n).meanings.get(0));
                }
                int p = previousMeaningful(i);
                if (p >= 0 && !spans.get(p).used && spans.get(p).has(Kind.CUE_BOOTH) && m == Metric.BOOTHS_VISITED) {
                    spans.get(p).use(spans.get(p).meanings.get(0));
                }
                // "booths visited per person": the unit the number is taken per, not a grouping
                int per = n < spans.size() && spans.get(n).used ? next(n) : n;
                if (per < spans.size() && !spans.get(per).used && spans.get(per).has(Kind.BREAKDOWN)
                        && spans.get(per).text.matches("(?i)per|each|for each|for every|every") && per + 1 < spans.size()
                        && spans.get(per + 1).has(Kind.ATTENDEE)) {
                    spans.get(per).use(spans.get(per).get(Kind.BREAKDOWN));
                    spans.get(per + 1).use(spans.get(per + 1).get(Kind.ATTENDEE));
                }
                return m;
            }
        }
        return null;
    }

    /** A percentage: the conditions said before the part's verb are the whole, those after it the part. */
    private QueryPlan sharePlan() {
        int shareAt = -1;
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i).has(Kind.SHARE)) {
                shareAt = i;
                break;
            }
        }
        int boundary = -1;
        for (int k = Math.max(0, shareAt + 1); k < spans.size(); k++) {
            Span s = spans.get(k);
            if (PREDICATE.contains(s.text.toLowerCase(java.util.Locale.ROOT)) || s.has(Kind.CUE_INTEREST) && !s.has(Kind.DIMENSION)
                    || s.has(Kind.CUE_BOOTH) && !s.has(Kind.DIMENSION) || s.has(Kind.TIME_AFTER) || s.has(Kind.TIME_BEFORE)
                    || s.has(Kind.EMAIL_WORD) && k > shareAt + 1) {
                boundary = k;
                break;
            }
        }
        List<Condition> whole = new ArrayList<>();
        List<Condition> part = new ArrayList<>();
        for (int c = 0; c < where.size(); c++) {
            (boundary >= 0 && whereAt.get(c) < boundary ? whole : part).add(where.get(c));
        }
        if (part.isEmpty() && groupings.isEmpty()) {
            part.addAll(whole);
            whole.clear();
        }
        return QueryPlan.count().withWhere(whole).withGroupBy(groupings).shareOf(part);
    }

    // ---- follow-ups ----------------------------------------------------------------------------

    /** A question that only refines the one before ("and among startups?", "what about Kubernetes?", "show them"). */
    private QueryPlan followUp() {
        if (previous == null) {
            return null;
        }
        boolean asksAnew = anyUnused(Kind.COUNT) || anyUnused(Kind.SHARE) || anyUnused(Kind.AVERAGE) || anyUnused(Kind.MAXIMUM)
                || anyUnused(Kind.MINIMUM) || distinct != null || anyUnused(Kind.MOST) || anyUnused(Kind.LEAST)
                || spans.stream().anyMatch(s -> !s.used && s.has(Kind.ATTENDEE) && !s.has(Kind.THEM) && !s.has(Kind.STOP));
        boolean them = spans.stream().anyMatch(s -> s.has(Kind.THEM));
        boolean about = !spans.isEmpty() && (spans.get(0).has(Kind.ABOUT) || spans.get(0).has(Kind.ONLY)
                || spans.get(0).has(Kind.AND) || spans.get(0).has(Kind.CUE_INDUSTRY) || spans.get(0).has(Kind.CUE_COMPANY));
        if (asksAnew && !about) {
            return null;
        }
        // "by industry?", "broken down by size": a question that starts with its grouping and says
        // nothing else regroups the last answer; "interest by company size" is a question of its own.
        boolean regroup = !groupings.isEmpty() && where.isEmpty() && !spans.isEmpty()
                && (spans.get(0).has(Kind.BREAKDOWN) || spans.get(0).has(Kind.AND));
        if (!about && !them && !regroup) {
            return null;
        }
        QueryPlan plan = previous;
        if ((anyUnused(Kind.LIST) || them) && groupings.isEmpty() && where.isEmpty()) {
            useAll(Kind.LIST);
            useAll(Kind.THEM);
            return QueryPlan.list().withWhere(plan.where()).limit(limit != null ? limit : LIST_LIMIT);
        }
        List<Condition> merged = new ArrayList<>(plan.where());
        for (Condition c : where) {
            merged.removeIf(old -> sameDimension(old, c));
            merged.add(c);
        }
        plan = plan.withWhere(merged);
        // "startups vs enterprises", then "and among startups?": the new condition settles the compared
        // dimension, so it is no longer grouped by.
        List<Grouping> settled = new ArrayList<>(plan.groupBy());
        settled.removeIf(g -> where.stream().anyMatch(c -> c instanceof Condition.Equals e && !e.negated() && e.dimension() == g.dimension()));
        if (settled.size() < plan.groupBy().size()) {
            plan = plan.withGroupBy(settled);
            if (settled.isEmpty()) {
                plan = plan.orderBy(null).limit(null);
                if (plan.measure() == Measure.SHARE && plan.shareOf().isEmpty()) {
                    plan = plan.measure(Measure.COUNT);
                }
            }
        }
        if (!groupings.isEmpty()) {
            plan = plan.measure() == Measure.LIST ? QueryPlan.count().withWhere(merged).withGroupBy(groupings)
                    : plan.withGroupBy(mergeGroupings(plan.groupBy()));
        }
        if (limit != null) {
            plan = plan.limit(limit);
        }
        useAll(Kind.ABOUT);
        useAll(Kind.THEM);
        useAll(Kind.LIST);
        return plan;
    }

    private List<Grouping> mergeGroupings(List<Grouping> old) {
        List<Grouping> out = new ArrayList<>(old);
        for (Grouping g : groupings) {
            out.removeIf(o -> o.dimension() == g.dimension());
            if (out.size() >= 2) {
                out.remove(out.size() - 1);
            }
            out.add(g);
        }
        return out;
    }

    private static boolean sameDimension(Condition a, Condition b) {
        return a.getClass() == b.getClass() && dimension(a) == dimension(b);
    }

    private static Dimension dimension(Condition c) {
        if (c instanceof Condition.Equals e) {
            return e.dimension();
        }
        if (c instanceof Condition.Items i) {
            return i.dimension();
        }
        if (c instanceof Condition.Contains t) {
            return t.dimension();
        }
        if (c instanceof Condition.CountOf n) {
            return n.dimension();
        }
        return null;
    }

    // ---- order and limit -----------------------------------------------------------------------

    private QueryPlan order(QueryPlan plan) {
        if (plan.measure() == Measure.LIST) {
            return plan;
        }
        boolean most = anyUnused(Kind.MOST);
        boolean least = anyUnused(Kind.LEAST);
        useAll(Kind.MOST);
        useAll(Kind.LEAST);
        if (plan.groupBy().isEmpty()) {
            if (least && plan.measure() == Measure.COUNT && plan.where().isEmpty()) {
                doubt("'least' with nothing grouped", 0.3);
            }
            return limit != null && plan.measure() != Measure.LIST ? plan : plan;
        }
        Dimension first = plan.groupBy().get(0).dimension();
        boolean timeLike = first == Dimension.ARRIVAL_HOUR || first == Dimension.ARRIVAL_DAY || first.isCount();
        Order order = least ? Order.LEAST : most || !timeLike ? Order.MOST : Order.GROUP;
        Integer n = limit;
        if (n == null && (most || least) && plan.groupBy().size() == 1) {
            n = singularGroupWord() ? Integer.valueOf(1) : MANY_VALUES.contains(first) ? Integer.valueOf(RANKING_LIMIT) : null;
        }
        if (previous != null && plan.order() != null && n == null && !most && !least) {
            return plan;
        }
        return plan.orderBy(order).limit(n);
    }

    /** Whether the grouped dimension was named in the singular ("which company has the most"). */
    private boolean singularGroupWord() {
        if (groupingAt.isEmpty()) {
            return false;
        }
        Span s = spans.get(groupingAt.get(0));
        String last = tokens.get(s.end - 1).lower();
        return last.equals(tokens.get(s.end - 1).stem()) && !last.endsWith("s") && (anyWord("has", "is", "was") || !anyWord("are", "were", "have"));
    }

    // ---- the account -------------------------------------------------------------------------

    private Result finish(QueryPlan plan, boolean report) {
        List<String> understood = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> unplaced = new ArrayList<>();
        for (Span s : spans) {
            if (s.meanings.isEmpty() && !s.used) {
                unknown.add(s.text);
                continue;
            }
            if (s.used) {
                if (!s.isFiller()) {
                    understood.add(s.text);
                }
                continue;
            }
            if (s.meanings.stream().anyMatch(m -> SUBSTANCE.contains(m.kind()) || MUST_PLACE.contains(m.kind()))
                    && !s.meanings.stream().anyMatch(m -> CONNECTORS.contains(m.kind()))) {
                unplaced.add(s.text);
            } else if (s.meanings.stream().noneMatch(m -> CONNECTORS.contains(m.kind()))) {
                doubt("'" + s.text + "' was not used", 0.2);
            }
            if (s.corrections > 0) {
                doubt("'" + s.text + "' was corrected", 0.05 * s.corrections);
            }
        }
        for (Span s : spans) {
            if (s.used && s.corrections > 0) {
                doubt("'" + s.text + "' was corrected", 0.06 * s.corrections);
            }
        }
        if (!unknown.isEmpty()) {
            return new Result(null, false, "I can't answer that: " + (understood.isEmpty() ? "I understood nothing of it"
                    : "I understood " + quoted(understood)) + " but not " + quoted(unknown), understood, unknown, 0);
        }
        if (!unplaced.isEmpty()) {
            return new Result(null, false, "I can't answer that: " + (understood.isEmpty() ? "" : "I understood "
                    + quoted(understood) + " but ") + "could not place " + quoted(unplaced) + " in a question about the attendees",
                    understood, unplaced, 0);
        }
        String clash = plan == null ? null : clash(plan);
        if (clash != null) {
            return new Result(null, false, "I can't answer that: " + clash, understood, List.of(), 0);
        }
        if (plan != null) {
            try {
                plan.validate();
            } catch (dev.attendees.ConfigurationException e) {
                return new Result(null, false, "I can't answer that: " + e.getMessage(), understood, List.of(), 0);
            }
        }
        return new Result(plan, report, null, understood, List.of(), Math.max(0.05, Math.min(0.99, confidence)));
    }

    /**
     * Two conditions no attendee can meet together ("the first day" and "the last day", "gmail" and
     * "a corporate address"): the question compares them, or asks for a difference, which a plan does
     * not compute; answering 0 would be wrong.
     */
    private String clash(QueryPlan plan) {
        List<Condition> all = plan.where();
        for (int a = 0; a < all.size(); a++) {
            for (int b = a + 1; b < all.size(); b++) {
                if (exclusive(all.get(a), all.get(b))) {
                    String first = said(all.get(a));
                    String second = said(all.get(b));
                    int x = where.indexOf(all.get(a));
                    int y = where.indexOf(all.get(b));
                    if (x >= 0 && y >= 0 && joinBetween(whereAt.get(x), whereAt.get(y)) >= 0) {
                        return "'" + first + "' and '" + second + "' can only be compared as two questions (no column holds"
                                + " them as values to group by); ask about each on its own";
                    }
                    return "no attendee is both '" + first + "' and '" + second + "'; ask about each on its own";
                }
            }
        }
        return null;
    }

    /** The phrase a condition was read from, or the condition itself when it came from an earlier question. */
    private String said(Condition c) {
        int k = where.indexOf(c);
        return k >= 0 ? spans.get(whereAt.get(k)).text : c.toString();
    }

    private static boolean exclusive(Condition a, Condition b) {
        if (a instanceof Condition.EventDay x && b instanceof Condition.EventDay y) {
            return x.day() != y.day();
        }
        if (a instanceof Condition.Equals x && b instanceof Condition.Equals y && !x.negated() && !y.negated()) {
            if (x.dimension() == y.dimension()) {
                return x.values().stream().noneMatch(y.values()::contains);
            }
            Condition.Equals domain = x.dimension() == Dimension.EMAIL_DOMAIN ? x : y.dimension() == Dimension.EMAIL_DOMAIN ? y : null;
            Condition.Equals kind = x.dimension() == Dimension.EMAIL_KIND ? x : y.dimension() == Dimension.EMAIL_KIND ? y : null;
            if (domain != null && kind != null && kind.values().size() == 1) {
                boolean personal = kind.values().get(0).equals(EmailKinds.PERSONAL);
                return domain.values().stream().allMatch(d -> EmailKinds.PERSONAL_DOMAINS.contains(d) != personal);
            }
        }
        if (a instanceof Condition.TimeOfDay x && b instanceof Condition.TimeOfDay y) {
            return x.to() != null && y.from() != null && !y.from().isBefore(x.to())
                    || y.to() != null && x.from() != null && !x.from().isBefore(y.to());
        }
        return false;
    }

    // ---- helpers -----------------------------------------------------------------------------

    private void condition(Condition c, int at) {
        where.add(c);
        whereAt.add(at);
    }

    private void doubt(String why, double cost) {
        doubts.add(why);
        confidence -= cost;
    }

    List<String> doubts() {
        return doubts;
    }

    private void use(int from, int to) {
        for (int k = from; k < to && k < spans.size(); k++) {
            Span s = spans.get(k);
            if (!s.used) {
                s.use(s.meanings.isEmpty() ? null : s.meanings.get(0));
            }
        }
    }

    private void useBefore(int i, Kind kind) {
        for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
            Span s = spans.get(k);
            if (!s.used && s.has(kind)) {
                s.use(s.get(kind));
                return;
            }
            if (!s.isFiller() && !s.has(Kind.CUE_BOOTH) && !s.has(Kind.CUE_INTEREST) && !s.has(Kind.ON)) {
                return;
            }
        }
    }

    private void useAll(Kind kind) {
        for (Span s : spans) {
            if (!s.used && s.has(kind)) {
                s.use(s.get(kind));
            }
        }
    }

    private boolean anyUnused(Kind kind) {
        return spans.stream().anyMatch(s -> !s.used && s.has(kind));
    }

    private boolean negatedBefore(int i) {
        return negationBefore(i) != null;
    }

    /** The negation said just before phrase {@code i} (over fillers and cues), or null. */
    private Span negationBefore(int i) {
        for (int k = i - 1; k >= 0 && k >= i - 4; k--) {
            Span s = spans.get(k);
            if (s.has(Kind.NEGATION)) {
                return s;
            }
            if (!s.isFiller() && !s.has(Kind.CUE_BOOTH) && !s.has(Kind.CUE_INTEREST) && !s.has(Kind.CUE_COMPANY)
                    && !s.has(Kind.CUE_INDUSTRY) && !s.has(Kind.EMAIL_WORD) && !s.has(Kind.ANY_OF)) {
                return null;
            }
        }
        return null;
    }

    /** The next phrase that is not a filler. */
    private int next(int i) {
        int k = i + 1;
        while (k < spans.size() && spans.get(k).isFiller()) {
            k++;
        }
        return k;
    }

    private int previousMeaningful(int i) {
        int k = i - 1;
        while (k >= 0 && spans.get(k).isFiller() && !spans.get(k).has(Kind.COUNT)) {
            k--;
        }
        return k;
    }

    private boolean startsWith(String... words) {
        if (tokens.isEmpty()) {
            return false;
        }
        String first = tokens.get(0).lower();
        for (String w : words) {
            if (first.equals(w)) {
                return true;
            }
        }
        return false;
    }

    private boolean anyWord(String... words) {
        for (Token t : tokens) {
            for (String w : words) {
                if (t.lower().equals(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    static Map<String, Object> debug(List<Span> spans) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Span s : spans) {
            m.put(s.text + "@" + s.start, s.meanings.stream().map(x -> x.kind() + (x.dimension() != null ? ":" + x.dimension() : "")
                    + (x.value() != null ? "=" + x.value() : "")).toList());
        }
        return m;
    }
}
