package dev.attendees.images.internal;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.HttpUrl;

/** Reading remote JSON defensively: missing or mistyped fields give {@code ""} or {@code null}, never an exception. */
final class Json {
    private Json() {}

    /** The text at {@code path} (field names), or {@code ""}. */
    static String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            if (n == null || !n.isObject()) {
                return "";
            }
            n = n.get(p);
        }
        return n != null && n.isValueNode() ? n.asText("") : "";
    }

    /** The http(s) URL at {@code path}, or {@code null}. */
    static HttpUrl url(JsonNode node, String... path) {
        String text = text(node, path);
        return text.isEmpty() ? null : HttpUrl.parse(text);
    }

    /** The number at {@code field}, or -1. */
    static long number(JsonNode node, String field) {
        JsonNode n = node == null ? null : node.get(field);
        return n != null && n.canConvertToLong() ? n.asLong() : -1;
    }

    /** The array at {@code field}, or an empty one. */
    static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode n = node == null ? null : node.get(field);
        return n != null && n.isArray() ? n : java.util.List.of();
    }

    /** A remote page link made into an http(s) link with {@code extra} query parameters, or {@code ""}. */
    static String link(String text, String... extra) {
        HttpUrl url = text.isEmpty() ? null : HttpUrl.parse(text);
        if (url == null) {
            return "";
        }
        HttpUrl.Builder b = url.newBuilder();
        for (int i = 0; i + 1 < extra.length; i += 2) {
            b.setQueryParameter(extra[i], extra[i + 1]);
        }
        return b.build().toString();
    }
}
