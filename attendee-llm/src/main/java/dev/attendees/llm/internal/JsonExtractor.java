package dev.attendees.llm.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.attendees.Secrets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the JSON in a model's reply, leniently: prose before or after it, Markdown code fences,
 * trailing commas, comments, single quotes. A reply cut off in the middle (a token limit, a dropped
 * connection) still gives every record that was complete. Every string value is masked
 * ({@link Secrets#mask}) as it is decoded: a key the model or a proxy quotes, even in JSON unicode
 * escapes, reaches no record, checkpoint or profile.
 */
public final class JsonExtractor {

    /** The records found, and whether the reply was whole. */
    public record Extracted(List<JsonNode> records, boolean complete, String problem) {}

    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                    .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                    .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
                    .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                    .build())
            .nodeFactory(new MaskingNodeFactory())
            .build();

    /** Text nodes with secrets masked after JSON escapes are decoded. */
    private static final class MaskingNodeFactory extends JsonNodeFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public TextNode textNode(String text) {
            return super.textNode(Secrets.mask(text));
        }
    }

    private static final Pattern FENCE = Pattern.compile("```(?:json|JSON)?\\s*\\n?(.*?)(?:```|$)", Pattern.DOTALL);

    private JsonExtractor() {}

    /** The first JSON object or array in {@code text}, or {@code null} when there is none that parses. */
    public static JsonNode document(String text) {
        String body = unfence(text);
        for (int start = firstBrace(body, 0); start >= 0; start = firstBrace(body, start + 1)) {
            try (JsonParser p = MAPPER.createParser(body.substring(start))) {
                JsonNode node = MAPPER.readTree(p);
                if (node != null && (node.isObject() || node.isArray() && hasObject(node))) {
                    return node;
                }
            } catch (IOException e) {
                // not here: try the next brace
            }
        }
        return null;
    }

    /**
     * The attendee objects of a reply: the array under {@code attendees} (or the first array in
     * the object, or the reply's own array), salvaging complete objects from a truncated one.
     */
    public static Extracted records(String text) {
        if (text == null || text.isBlank()) {
            return new Extracted(List.of(), false, "the reply was empty");
        }
        String body = unfence(text);
        // The JSON normally starts at the first brace; a reply cut off there still has its first records.
        int first = firstBrace(body, 0);
        if (first >= 0) {
            List<JsonNode> whole = recordsOf(parse(body.substring(first)));
            if (whole != null) {
                return new Extracted(whole, true, null);
            }
            List<JsonNode> salvaged = salvage(body.substring(first));
            if (!salvaged.isEmpty()) {
                return new Extracted(salvaged, false, "the reply's JSON was cut off; kept the " + salvaged.size()
                        + " complete records");
            }
        }
        JsonNode doc = document(text);
        List<JsonNode> later = doc == null ? null : recordsOf(doc);
        if (later != null) {
            return new Extracted(later, true, null);
        }
        return new Extracted(List.of(), false, "the reply had no readable JSON");
    }

    private static JsonNode parse(String text) {
        try (JsonParser p = MAPPER.createParser(text)) {
            return MAPPER.readTree(p);
        } catch (IOException e) {
            return null;
        }
    }

    /** The record objects of a document, or null when it has none. */
    private static List<JsonNode> recordsOf(JsonNode doc) {
        if (doc == null) {
            return null;
        }
        JsonNode array = arrayOf(doc);
        if (array != null && hasObject(array)) {
            List<JsonNode> out = new ArrayList<>();
            array.forEach(out::add);
            return out;
        }
        if (doc.isObject() && doc.has("email")) {
            return List.of(doc);
        }
        return null;
    }

    private static boolean hasObject(JsonNode array) {
        for (JsonNode n : array) {
            if (n.isObject()) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode arrayOf(JsonNode doc) {
        if (doc.isArray()) {
            return doc;
        }
        JsonNode named = doc.get("attendees");
        if (named != null && named.isArray()) {
            return named;
        }
        for (JsonNode child : doc) {
            if (child.isArray() && hasObject(child)) {
                return child;
            }
        }
        return null;
    }

    /** Reads objects of the first array one by one until the text breaks off. */
    private static List<JsonNode> salvage(String text) {
        List<JsonNode> out = new ArrayList<>();
        int start = text.indexOf('[');
        if (start < 0) {
            return out;
        }
        try (JsonParser p = MAPPER.createParser(text.substring(start))) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return out;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                JsonNode node = MAPPER.readTree(p);
                out.add(node);
            }
        } catch (IOException e) {
            // the cut: keep what was complete
        }
        return out;
    }

    private static String unfence(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Matcher m = FENCE.matcher(t);
        if (m.find() && m.group(1).contains("{")) {
            return m.group(1);
        }
        return t;
    }

    private static int firstBrace(String text, int from) {
        int brace = text.indexOf('{', from);
        int bracket = text.indexOf('[', from);
        if (brace < 0) {
            return bracket;
        }
        return bracket < 0 ? brace : Math.min(brace, bracket);
    }
}
