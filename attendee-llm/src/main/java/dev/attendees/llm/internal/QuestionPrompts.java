package dev.attendees.llm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attendees.CompanySize;
import dev.attendees.Industry;
import dev.attendees.Secrets;
import dev.attendees.plan.Dimension;
import dev.attendees.plan.PlanJson;
import dev.attendees.plan.QueryPlan;
import dev.attendees.plan.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The prompts of the question translator, from the templates in
 * {@code src/main/resources/dev/attendees/llm/prompts/}: a system prompt that never changes (the
 * schema, the plan's form, the rules, the worked examples of {@code question-examples.json}), a
 * user prompt per question (the values the store holds, the previous plan, the question) and the
 * message that sends a rejected answer's problem back. {@code docs/prompts.md} explains them.
 *
 * <p>Everything that comes from data (values, the previous plan, the question) goes into the user
 * prompt as JSON inside a delimited block, with {@code <}, {@code >} and {@code &} written as JSON
 * unicode escapes: such text can neither close its block nor open another, and newlines and
 * control characters are escapes too. Registered secrets are masked ({@link Secrets#mask}) in
 * whatever is sent.
 */
public final class QuestionPrompts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> COMMON = Set.of("the", "and", "how", "many", "much", "who", "what", "which", "are",
            "was", "were", "from", "with", "for", "attendees", "attendee", "people", "company", "companies", "interested",
            "booth", "booths", "visited", "show", "list", "count", "number", "top", "most", "least", "per", "each", "their",
            "them", "they", "that", "this", "there", "have", "has", "did", "does", "not", "all", "any", "work", "works");

    /** The order of the values block: the short lists first, companies and job titles last. */
    private static final List<Dimension> BLOCK_ORDER = java.util.stream.Stream.concat(
            java.util.stream.Stream.of(Dimension.EVENT, Dimension.INDUSTRY, Dimension.COMPANY_SIZE, Dimension.INTEREST, Dimension.BOOTH,
                    Dimension.ARRIVAL_DAY, Dimension.COMPANY, Dimension.JOB_TITLE),
            Arrays.stream(Dimension.values())).distinct().toList();

    /** The longest value shown in the values block; longer ones are left out (and counted as more): {@value}. */
    static final int MAX_VALUE_CHARS = 200;

    private static final String SYSTEM_TEMPLATE = resource("question-system.txt");
    private static final String USER_TEMPLATE = resource("question-user.txt");
    private static final String CORRECTION_TEMPLATE = resource("question-correction.txt");
    private static final String SYSTEM = fill(SYSTEM_TEMPLATE, Map.of(
            "industries", Arrays.stream(Industry.values()).map(Industry::label).collect(Collectors.joining(", ")),
            "examples", examples()));

    private QuestionPrompts() {}

    /** The system prompt: the same for every question. */
    public static String system() {
        return SYSTEM;
    }

    /**
     * The user prompt of one question.
     *
     * @param valuesShown the most values shown per dimension; beyond that, values that share a
     *     word with the question come first, and the block says how many more there are
     */
    public static String user(String question, Vocabulary vocabulary, QueryPlan previous, int valuesShown) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("values", data(values(vocabulary, question, valuesShown)));
        parts.put("previous_plan", previous == null ? "none" : escape(PlanJson.toJson(previous)));
        parts.put("question", data(JSON.getNodeFactory().textNode(question)));
        return Secrets.mask(fill(USER_TEMPLATE, parts));
    }

    /** The message that sends a rejected answer's problem back, on one line. */
    public static String correction(String problem) {
        return Secrets.mask(fill(CORRECTION_TEMPLATE, Map.of("problem", Escape.oneLine(problem))));
    }

    /** The worked examples, each a question (and a previous plan) with its answer, as the file has them. */
    public static JsonNode exampleFile() {
        try {
            return JSON.readTree(resource("question-examples.json"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("question-examples.json is not JSON", e);
        }
    }

    // ---- the values block ----

    static ObjectNode values(Vocabulary vocabulary, String question, int shown) {
        ObjectNode out = JSON.createObjectNode();
        ObjectNode more = JSON.createObjectNode();
        Set<String> words = words(question);
        for (Dimension d : BLOCK_ORDER) {
            List<String> all = vocabulary.of(d);
            if (all.isEmpty() && d == Dimension.INDUSTRY) {
                all = Arrays.stream(Industry.values()).map(Industry::label).toList();
            } else if (all.isEmpty() && d == Dimension.COMPANY_SIZE) {
                all = Arrays.stream(CompanySize.values()).map(CompanySize::label).toList();
            }
            if (all.isEmpty()) {
                continue;
            }
            List<String> picked = pick(all, words, shown);
            picked.forEach(out.putArray(d.id())::add);
            if (picked.size() < all.size()) {
                more.put(d.id(), all.size() - picked.size());
            }
        }
        if (!more.isEmpty()) {
            out.set("more_values", more);
        }
        return out;
    }

    /** Up to {@code shown} values: those that share a word with the question first, then the rest in order. */
    private static List<String> pick(List<String> all, Set<String> questionWords, int shown) {
        List<String> usable = all.stream().filter(v -> v != null && v.length() <= MAX_VALUE_CHARS).toList();
        if (usable.size() <= shown) {
            return usable;
        }
        List<String> first = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        if (!questionWords.isEmpty()) {
            for (String v : usable) {
                if (first.size() >= shown) {
                    break;
                }
                if (shares(v, questionWords)) {
                    first.add(v);
                    taken.add(v);
                }
            }
        }
        for (String v : usable) {
            if (first.size() >= shown) {
                break;
            }
            if (!taken.contains(v)) {
                first.add(v);
            }
        }
        return first;
    }

    private static boolean shares(String value, Set<String> questionWords) {
        Matcher m = WORD.matcher(value.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (questionWords.contains(w)) {
                return true;
            }
            for (String q : questionWords) {
                // A word and its longer forms (Google, Googlers), not every word of four letters in common (data, Datadog).
                if (q.length() >= 5 && w.length() >= 5 && (w.startsWith(q) || q.startsWith(w))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> words(String question) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(question == null ? "" : question.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if ((w.length() >= 3 || w.chars().allMatch(Character::isDigit)) && !COMMON.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    // ---- data as data ----

    /** A JSON value as text fit for a data block: see {@link #escape}. */
    static String data(JsonNode node) {
        try {
            return escape(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * JSON text with {@code <}, {@code >} and {@code &}, line and paragraph separators and
     * text-direction controls written as unicode escapes. These characters stand only inside JSON
     * strings, so the text stays the same JSON; but no value can close its block ({@code </values>}),
     * open another, or hide text by reordering it.
     */
    static String escape(String json) {
        StringBuilder sb = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029' || c >= '\u202a' && c <= '\u202e'
                    || c >= '\u2066' && c <= '\u2069' || c == '\u200e' || c == '\u200f' || c == '\u061c') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    // ---- templates ----

    /** Fills {@code {{name}}} placeholders in one pass: text put in is never read for placeholders again. */
    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder(template.length() + 256);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {{" + m.group(1) + "}} in a question prompt template");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String examples() {
        StringBuilder sb = new StringBuilder();
        for (JsonNode example : exampleFile()) {
            sb.append('\n');
            if (example.hasNonNull("previous")) {
                sb.append("Previous plan: ").append(example.get("previous")).append('\n');
            }
            sb.append("Question: ").append(example.path("question").asText()).append('\n');
            sb.append("Answer: ").append(example.get("answer")).append('\n');
        }
        return sb.toString().strip();
    }

    private static String resource(String name) {
        try (InputStream in = QuestionPrompts.class.getResourceAsStream("/dev/attendees/llm/prompts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the prompt template " + name + " is missing from attendee-llm");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
