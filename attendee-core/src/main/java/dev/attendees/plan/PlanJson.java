package dev.attendees.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attendees.ConfigurationException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The JSON form of a {@link QueryPlan}: what a language model answers with, what history keeps,
 * what a person can read. Reading is strict: an unknown or repeated field, a value of the wrong
 * type, an unknown dimension, measure or metric, and (given a {@link Vocabulary}) a value the data
 * does not hold are refused with a one-line {@link ConfigurationException} that names the field
 * ({@code query plan: where[1].values[0]: no interest 'Kubernets' in the data; did you mean
 * 'Kubernetes'?}), and the plan read is {@linkplain QueryPlan#validate() validated}.
 *
 * <pre>{@code
 * // Which 5 companies sent the most attendees interested in Docker?
 * QueryPlan plan = PlanJson.fromJson("""
 *         {"measure": "count",
 *          "group_by": [{"dimension": "company"}],
 *          "where": [{"type": "items", "dimension": "interest", "values": ["Docker"], "match": "any"}],
 *          "order": {"by": "measure", "descending": true},
 *          "limit": 5}""", vocabulary);
 * String json = PlanJson.toJson(plan);   // the same plan, one line
 * }</pre>
 *
 * <p>The form, field by field ({@code docs/prompts.md} shows it at work):
 *
 * <pre>{@code
 * measure   count | count_distinct | share | average | minimum | maximum | list     (required)
 * distinct  a dimension, for count_distinct
 * metric    booths_visited | interests | arrival_time, for average, minimum, maximum
 * group_by  [{"dimension": D, "only": [values]}]      at most two; "only" optional
 * where     [condition]                               every one must hold
 * share_of  [condition]                               for share: the part whose share is asked
 * order     {"by": "measure" | "group", "descending": true | false}
 * limit     1 to 10000
 * condition {"type": "equals",      "dimension": D, "values": [..], "negated": false}
 *           {"type": "items",       "dimension": "interest" | "booth", "values": [..], "match": "any" | "all" | "none"}
 *           {"type": "contains",    "dimension": "job_title" | "name" | "company" | "email_domain", "words": [..], "match": ..}
 *           {"type": "time_of_day", "from": "HH:MM", "to": "HH:MM"}          either may be null
 *           {"type": "event_day",   "day": 1}                                 1 first, 2 second, -1 last
 *           {"type": "count_of",    "dimension": "interest" | "booth", "comparison": "equal" | "at_least" | "at_most"
 *                                   | "more_than" | "less_than", "value": 3}
 * }</pre>
 *
 * Dimensions are written as {@link Dimension#id()} ({@code company_size}); optional fields may be
 * left out or {@code null}. {@link #toJson} writes the fields a plan uses, in the order above, on
 * one line; {@code fromJson(toJson(plan))} equals {@code plan}.
 */
public final class PlanJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final List<String> PLAN_FIELDS =
            List.of("measure", "distinct", "metric", "group_by", "where", "share_of", "order", "limit");

    private PlanJson() {}

    /** The plan as one line of JSON, in the form described above. */
    public static String toJson(QueryPlan plan) {
        try {
            return MAPPER.writeValueAsString(tree(plan));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan always writes", e);
        }
    }

    /**
     * Reads a plan, checking its structure and {@linkplain QueryPlan#validate() validating} it.
     *
     * @throws ConfigurationException in one line naming the field, when the text is not a plan
     */
    public static QueryPlan fromJson(String json) {
        return fromJson(json, null);
    }

    /**
     * Reads a plan as {@link #fromJson(String)} does, and checks that every value it names is one
     * the data holds: companies, job titles, interests, booths, events and arrival days as
     * {@code vocabulary} knows them (exactly, case included), industries and company sizes from
     * the data contract's lists when the vocabulary has none, arrival hours {@code 00} to
     * {@code 23}. A dimension whose values the vocabulary does not know is not checked.
     *
     * @param vocabulary the values of the store the plan will run on, or {@code null} to check
     *     nothing beyond the structure
     * @throws ConfigurationException in one line naming the field and, for an unknown value, the
     *     nearest known ones
     */
    public static QueryPlan fromJson(String json, Vocabulary vocabulary) {
        if (json == null || json.isBlank()) {
            throw fail("", "no JSON; a plan is a JSON object such as {\"measure\": \"count\"}");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            String why = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            why = why.startsWith("Trailing token") ? "more after the plan's object; a plan is one object"
                    : why.replaceAll("\\s*\\(start marker at \\[Source:[^]]*]\\)", "").replaceAll("\\s*\\[Source:[^]]*]", "");
            throw fail("", "not valid JSON" + where + ": " + oneLine(why, 200));
        }
        if (root == null || !root.isObject()) {
            throw fail("", "a plan is a JSON object such as {\"measure\": \"count\"}, was " + kind(root));
        }
        QueryPlan plan = plan(root).validate();
        if (vocabulary != null) {
            PlanValues.ground(plan, vocabulary);
        }
        return plan;
    }

    // ---- writing ----

    private static ObjectNode tree(QueryPlan plan) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("measure", plan.measure().id());
        if (plan.distinct() != null) {
            root.put("distinct", plan.distinct().id());
        }
        if (plan.metric() != null) {
            root.put("metric", plan.metric().id());
        }
        if (!plan.groupBy().isEmpty()) {
            ArrayNode groups = root.putArray("group_by");
            for (Grouping g : plan.groupBy()) {
                ObjectNode o = groups.addObject().put("dimension", g.dimension() == null ? null : g.dimension().id());
                if (!g.only().isEmpty()) {
                    g.only().forEach(o.putArray("only")::add);
                }
            }
        }
        if (!plan.where().isEmpty()) {
            conditions(root.putArray("where"), plan.where());
        }
        if (!plan.shareOf().isEmpty()) {
            conditions(root.putArray("share_of"), plan.shareOf());
        }
        if (plan.order() != null) {
            root.putObject("order").put("by", lower(plan.order().by())).put("descending", plan.order().descending());
        }
        if (plan.limit() != null) {
            root.put("limit", plan.limit());
        }
        return root;
    }

    private static void conditions(ArrayNode array, List<Condition> conditions) {
        for (Condition c : conditions) {
            array.add(condition(c));
        }
    }

    private static ObjectNode condition(Condition c) {
        ObjectNode o = MAPPER.createObjectNode();
        if (c instanceof Condition.Equals e) {
            o.put("type", "equals").put("dimension", id(e.dimension()));
            e.values().forEach(o.putArray("values")::add);
            if (e.negated()) {
                o.put("negated", true);
            }
        } else if (c instanceof Condition.Items i) {
            o.put("type", "items").put("dimension", id(i.dimension()));
            i.values().forEach(o.putArray("values")::add);
            o.put("match", lower(i.match()));
        } else if (c instanceof Condition.Contains t) {
            o.put("type", "contains").put("dimension", id(t.dimension()));
            t.words().forEach(o.putArray("words")::add);
            o.put("match", lower(t.match()));
        } else if (c instanceof Condition.TimeOfDay t) {
            o.put("type", "time_of_day")
                    .put("from", t.from() == null ? null : t.from().toString())
                    .put("to", t.to() == null ? null : t.to().toString());
        } else if (c instanceof Condition.EventDay d) {
            o.put("type", "event_day").put("day", d.day());
        } else if (c instanceof Condition.CountOf n) {
            o.put("type", "count_of").put("dimension", id(n.dimension())).put("comparison", lower(n.comparison()))
                    .put("value", n.value());
        }
        return o;
    }

    private static String id(Dimension d) {
        return d == null ? null : d.id();
    }

    private static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }

    // ---- reading ----

    private static QueryPlan plan(JsonNode root) {
        fields(root, "", PLAN_FIELDS);
        JsonNode m = root.get("measure");
        if (m == null || m.isNull()) {
            throw fail("measure", "missing; one of count, count_distinct, share, average, minimum, maximum, list");
        }
        Measure measure = parse("measure", text(m, "measure"), Measure::fromId);
        Dimension distinct = optional(root, "distinct") == null ? null : dimension(root.get("distinct"), "distinct");
        Metric metric = optional(root, "metric") == null ? null
                : parse("metric", text(root.get("metric"), "metric"), Metric::fromId);
        List<Grouping> groups = new ArrayList<>();
        JsonNode g = optional(root, "group_by");
        if (g != null) {
            int i = 0;
            for (JsonNode item : array(g, "group_by")) {
                groups.add(grouping(item, "group_by[" + i++ + "]"));
            }
        }
        List<Condition> where = conditions(root, "where");
        List<Condition> shareOf = conditions(root, "share_of");
        Order order = optional(root, "order") == null ? null : order(root.get("order"));
        Integer limit = null;
        JsonNode l = optional(root, "limit");
        if (l != null) {
            limit = integer(l, "limit");
        }
        return new QueryPlan(measure, distinct, metric, groups, where, shareOf, order, limit);
    }

    private static Grouping grouping(JsonNode node, String path) {
        object(node, path);
        fields(node, path, List.of("dimension", "only"));
        Dimension d = dimension(required(node, path, "dimension"), path + ".dimension");
        JsonNode only = optional(node, "only");
        return new Grouping(d, only == null ? List.of() : strings(only, path + ".only"));
    }

    private static Order order(JsonNode node) {
        object(node, "order");
        fields(node, "order", List.of("by", "descending"));
        JsonNode by = optional(node, "by");
        Order.By b = by == null ? Order.By.MEASURE
                : choice(by, "order.by", Order.By.values());
        JsonNode desc = optional(node, "descending");
        boolean descending = desc == null ? b == Order.By.MEASURE : bool(desc, "order.descending");
        return new Order(b, descending);
    }

    private static List<Condition> conditions(JsonNode root, String field) {
        JsonNode node = optional(root, field);
        List<Condition> out = new ArrayList<>();
        if (node != null) {
            int i = 0;
            for (JsonNode item : array(node, field)) {
                out.add(condition(item, field + "[" + i++ + "]"));
            }
        }
        return out;
    }

    private static Condition condition(JsonNode node, String path) {
        object(node, path);
        String type = text(required(node, path, "type"), path + ".type");
        switch (type) {
            case "equals" -> {
                fields(node, path, List.of("type", "dimension", "values", "negated"));
                JsonNode negated = optional(node, "negated");
                return new Condition.Equals(dimension(required(node, path, "dimension"), path + ".dimension"),
                        strings(required(node, path, "values"), path + ".values"),
                        negated != null && bool(negated, path + ".negated"));
            }
            case "items" -> {
                fields(node, path, List.of("type", "dimension", "values", "match"));
                return new Condition.Items(dimension(required(node, path, "dimension"), path + ".dimension"),
                        strings(required(node, path, "values"), path + ".values"), match(node, path));
            }
            case "contains" -> {
                fields(node, path, List.of("type", "dimension", "words", "match"));
                return new Condition.Contains(dimension(required(node, path, "dimension"), path + ".dimension"),
                        strings(required(node, path, "words"), path + ".words"), match(node, path));
            }
            case "time_of_day" -> {
                fields(node, path, List.of("type", "from", "to"));
                return new Condition.TimeOfDay(time(optional(node, "from"), path + ".from"), time(optional(node, "to"), path + ".to"));
            }
            case "event_day" -> {
                fields(node, path, List.of("type", "day"));
                return new Condition.EventDay(integer(required(node, path, "day"), path + ".day"));
            }
            case "count_of" -> {
                fields(node, path, List.of("type", "dimension", "comparison", "value"));
                return new Condition.CountOf(dimension(required(node, path, "dimension"), path + ".dimension"),
                        choice(required(node, path, "comparison"), path + ".comparison", Condition.Comparison.values()),
                        integer(required(node, path, "value"), path + ".value"));
            }
            default -> throw fail(path + ".type", "unknown condition type '" + oneLine(type)
                    + "'; expected equals, items, contains, time_of_day, event_day or count_of");
        }
    }

    private static Condition.Match match(JsonNode node, String path) {
        JsonNode m = optional(node, "match");
        return m == null ? Condition.Match.ANY : choice(m, path + ".match", Condition.Match.values());
    }

    private static LocalTime time(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        String t = text(node, path);
        if (t.matches("\\d{2}:\\d{2}(:\\d{2})?")) {
            try {
                return LocalTime.parse(t);
            } catch (DateTimeParseException e) {
                // 25:00 and the like: the message below
            }
        }
        throw fail(path, "'" + oneLine(t) + "' is not a time of day HH:MM (24-hour, e.g. 09:30)");
    }

    private static Dimension dimension(JsonNode node, String path) {
        return parse(path, text(node, path), Dimension::fromId);
    }

    private static <T> T parse(String path, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (ConfigurationException e) {
            throw fail(path, oneLine(e.getMessage(), 400));
        }
    }

    private static <E extends Enum<E>> E choice(JsonNode node, String path, E[] values) {
        String t = text(node, path).strip();
        for (E e : values) {
            if (e.name().equalsIgnoreCase(t)) {
                return e;
            }
        }
        throw fail(path, "'" + oneLine(t) + "' is not one of "
                + Arrays.stream(values).map(PlanJson::lower).collect(Collectors.joining(", ")));
    }

    private static void fields(JsonNode node, String path, List<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw fail(path, "unknown field '" + oneLine(name) + "'; expected " + String.join(", ", allowed));
            }
        }
    }

    private static JsonNode optional(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    private static JsonNode required(JsonNode node, String path, String field) {
        JsonNode v = optional(node, field);
        if (v == null) {
            throw fail(join(path, field), "missing");
        }
        return v;
    }

    private static void object(JsonNode node, String path) {
        if (!node.isObject()) {
            throw fail(path, "expected an object, was " + kind(node));
        }
    }

    private static JsonNode array(JsonNode node, String path) {
        if (!node.isArray()) {
            throw fail(path, "expected an array, was " + kind(node));
        }
        return node;
    }

    private static List<String> strings(JsonNode node, String path) {
        array(node, path);
        List<String> out = new ArrayList<>();
        int i = 0;
        for (JsonNode item : node) {
            out.add(text(item, path + "[" + i++ + "]"));
        }
        return out;
    }

    private static String text(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw fail(path, "expected a string, was " + kind(node));
        }
        return node.asText();
    }

    private static boolean bool(JsonNode node, String path) {
        if (!node.isBoolean()) {
            throw fail(path, "expected true or false, was " + kind(node));
        }
        return node.asBoolean();
    }

    private static int integer(JsonNode node, String path) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw fail(path, "expected a whole number, was " + kind(node));
        }
        return node.asInt();
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        String text = node.toString();
        return text.length() > 40 ? oneLine(text.substring(0, 40)) + "..." : oneLine(text);
    }

    // ---- messages ----

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    static ConfigurationException fail(String path, String problem) {
        return new ConfigurationException("query plan: " + (path.isEmpty() ? "" : path + ": ") + problem);
    }

    /** Text from the JSON on one line, control characters as {@code \\uXXXX}, at most 120 characters. */
    static String oneLine(String text) {
        return oneLine(text, 120);
    }

    private static String oneLine(String text, int most) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        text.codePoints().limit(most).forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > most ? sb + "..." : sb.toString();
    }
}
