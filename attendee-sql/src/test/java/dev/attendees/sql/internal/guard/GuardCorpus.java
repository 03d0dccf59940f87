package dev.attendees.sql.internal.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test corpora in {@code src/test/resources/guard}: {@code attacks.json} (statements the guard
 * must refuse, with what each layer does without it) and {@code legit.json} (analytical statements
 * that must pass and run).
 *
 * <p>An attack's text may hold {@code ${dir}} (a folder of the test's own), {@code ${secret}} (a
 * file in it that no statement may read) and {@code ${repeat:N:TEXT}} (TEXT N times), so that long
 * statements stay short in the file.
 */
final class GuardCorpus {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPEAT = Pattern.compile("\\$\\{repeat:(\\d+):([^}]*)}");

    /** The databases, as the corpus names them. */
    static final List<String> DATABASES = List.of("sqlite", "postgresql");

    /** What the layers behind the parser did with an attack. */
    enum Outcome {
        /** The guard refused it ({@code refused: ...}). */
        GUARD,
        /** The store's lexical check ({@code ReadOnlyStatement}) refused it. */
        LEXICAL,
        /** PostgreSQL's driver found more than one statement in it. */
        DRIVER,
        /** The database refused it (read-only, no such table or function, permission, syntax). */
        DATABASE,
        /** The timeout stopped it. */
        TIMEOUT,
        /** It ran, and nothing in the database or the folder changed (the test checks): it read what it asked for. */
        RAN,
        /** It ran, changed nothing, and its rows hold a planted secret (the history's question, the server file's text). */
        LEAKED
    }

    record Attack(String id, String category, String sql, Map<String, String> refused, String note,
            Map<String, Outcome> withoutParser, Map<String, Outcome> databaseOnly) {

        /** The text to send, with the placeholders filled in. */
        String sql(Path dir, Path secret) {
            return sql.replace("${dir}", dir.toString()).replace("${secret}", secret.toString());
        }

        @Override
        public String toString() {
            return id;
        }
    }

    record Legit(String id, String dialect, String sql, String note) {
        boolean runsOn(String database) {
            return dialect.equals("both") || dialect.equals(database);
        }

        @Override
        public String toString() {
            return id;
        }
    }

    private GuardCorpus() {}

    static List<Attack> attacks() {
        List<Attack> out = new ArrayList<>();
        for (JsonNode n : read("attacks.json")) {
            JsonNode refused = n.path("refused");
            Map<String, String> reasons = refused.isTextual()
                    ? Map.of("sqlite", refused.asText(), "postgresql", refused.asText())
                    : Map.of("sqlite", refused.path("sqlite").asText(), "postgresql", refused.path("postgresql").asText());
            out.add(new Attack(n.path("id").asText(), n.path("category").asText(), expand(n.path("sql").asText()), reasons,
                    n.path("note").asText(null), outcomes(n.path("without_parser")), outcomes(n.path("database_only"))));
        }
        return out;
    }

    static List<Legit> legit() {
        List<Legit> out = new ArrayList<>();
        for (JsonNode n : read("legit.json")) {
            out.add(new Legit(n.path("id").asText(), n.path("dialect").asText(), n.path("sql").asText(), n.path("note").asText(null)));
        }
        return out;
    }

    private static Map<String, Outcome> outcomes(JsonNode n) {
        if (n.isMissingNode()) {
            return Map.of();
        }
        return Map.of("sqlite", Outcome.valueOf(n.path("sqlite").asText().toUpperCase()),
                "postgresql", Outcome.valueOf(n.path("postgresql").asText().toUpperCase()));
    }

    private static String expand(String sql) {
        Matcher m = REPEAT.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
        }
        return m.appendTail(out).toString();
    }

    private static JsonNode read(String name) {
        try (InputStream in = GuardCorpus.class.getResourceAsStream("/guard/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource guard/" + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
