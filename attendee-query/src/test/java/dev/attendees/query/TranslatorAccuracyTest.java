package dev.attendees.query;

import dev.attendees.plan.Vocabulary;
import dev.attendees.plan.Translation;
import dev.attendees.plan.PlanResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attendees.AttendeeGenerator;
import dev.attendees.spi.AttendeeStore;
import dev.attendees.sql.SqliteAttendeeStore;
import dev.attendees.store.SqlResult;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline translator judged by execution: each labelled question of {@code questions.json} is
 * translated, its plan run on a seeded SQLite database, and the rows compared with the gold SQL's
 * by the question's kind (a number; the top k labels; every label and count; a set of e-mails; or
 * a refusal). A third of the questions is held apart from tuning.
 */
class TranslatorAccuracyTest {
    @TempDir
    static Path dir;

    static Map<String, AttendeeStore> stores = new HashMap<>();
    static Map<String, Vocabulary> vocabularies = new HashMap<>();
    static List<JsonNode> questions = new ArrayList<>();

    @BeforeAll
    static void seed() throws Exception {
        stores.put("cloud", SqliteAttendeeStore.open(dir.resolve("cloud.db")));
        stores.put("health", SqliteAttendeeStore.open(dir.resolve("health.db")));
        stores.get("cloud").generate(AttendeeGenerator.builder().seed(42).build(), 5_000);
        stores.get("health").generate(AttendeeGenerator.builder().eventType("healthcare-it").seed(7).build(), 5_000);
        stores.forEach((name, store) -> vocabularies.put(name, StoreVocabulary.of(store)));
        // -Dattendees.questions=FILE judges another question set (same format) instead of the shipped one.
        String other = System.getProperty("attendees.questions");
        try (InputStream in = other == null
                ? TranslatorAccuracyTest.class.getResourceAsStream("questions.json")
                : java.nio.file.Files.newInputStream(Path.of(other))) {
            new ObjectMapper().readTree(in).path("questions").forEach(questions::add);
        }
    }

    @AfterAll
    static void close() {
        stores.values().forEach(AttendeeStore::close);
    }

    /** One question's outcome. */
    record Outcome(JsonNode question, Translation translation, boolean right, String why) {}

    static Outcome judge(JsonNode q) {
        AttendeeStore store = stores.get(q.path("db").asText("cloud"));
        Translation t = new OfflineTranslator().translate(q.path("q").asText(), vocabularies.get(q.path("db").asText("cloud")), null);
        String kind = q.path("kind").asText();
        if (kind.equals("refuse")) {
            return new Outcome(q, t, t.isRefused(), t.isRefused() ? "" : "answered: " + t.plan());
        }
        if (t.isRefused() || t.plan() == null) {
            return new Outcome(q, t, false, "refused: " + t.refusal());
        }
        SqlResult gold = store.readOnlySql(q.path("gold").asText(), 10_000, Duration.ofSeconds(30));
        PlanResult ours;
        try {
            ours = store.run(t.plan(), 10_000, Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            return new Outcome(q, t, false, "failed to run: " + e.getMessage());
        }
        String why;
        try {
            why = compare(kind, q.path("k").asInt(3), gold, ours.result());
        } catch (RuntimeException e) { // an answer of another shape (a date where a number was due)
            why = "answer of another shape: " + e.getMessage();
        }
        return new Outcome(q, t, why == null, why == null ? "" : why + "\n      plan " + t.plan() + "\n      sql " + ours.sql());
    }

    /** Null when the answer matches the gold by the question's kind, else why not. */
    static String compare(String kind, int k, SqlResult gold, SqlResult ours) {
        switch (kind) {
            case "scalar" -> {
                double g = number(gold.rows().get(0).get(0));
                if (ours.rows().isEmpty()) {
                    return "no rows; gold " + g;
                }
                double o = number(ours.rows().get(0).get(ours.columns().size() > 1 && !(ours.rows().get(0).get(0) instanceof Number) ? 1 : 0));
                return Math.abs(g - o) < 0.051 ? null : "got " + o + ", gold " + g;
            }
            case "topk" -> {
                List<List<Object>> g = gold.rows();
                int n = Math.min(k, g.size());
                double kth = number(g.get(n - 1).get(1));
                Set<String> allowed = new HashSet<>();
                for (List<Object> row : g) {
                    double c = number(row.get(1));
                    if (g.get(0).get(1) instanceof Number && (number(g.get(0).get(1)) >= kth ? c >= kth : c <= kth)) {
                        allowed.add(String.valueOf(row.get(0)));
                    }
                }
                if (ours.rows().size() < n) {
                    return "only " + ours.rows().size() + " rows, want " + n;
                }
                for (int i = 0; i < n; i++) {
                    String label = String.valueOf(ours.rows().get(i).get(0));
                    if (!allowed.contains(label)) {
                        return "row " + (i + 1) + " is " + label + "; gold top " + n + ": " + g.subList(0, n);
                    }
                }
                return null;
            }
            case "pairs", "breakdown" -> {
                Map<String, Double> mine = new HashMap<>();
                for (List<Object> row : ours.rows()) {
                    if (row.size() >= 2) {
                        mine.put(String.valueOf(row.get(0)), number(row.get(1)));
                    }
                }
                for (List<Object> row : gold.rows()) {
                    Double o = mine.get(String.valueOf(row.get(0)));
                    if (o == null || Math.abs(o - number(row.get(1))) > 0.051) {
                        return "missing or different: " + row + " in " + ours.rows();
                    }
                }
                return null;
            }
            case "set", "emails" -> {
                Set<String> g = new HashSet<>();
                gold.rows().forEach(r -> g.add(String.valueOf(r.get(0))));
                int col = ours.columns().indexOf("email");
                if (col < 0) {
                    return "no email column: " + ours.columns();
                }
                Set<String> o = new HashSet<>();
                ours.rows().forEach(r -> o.add(String.valueOf(r.get(col))));
                return g.equals(o) ? null : "got " + o.size() + " emails, gold " + g.size();
            }
            default -> throw new IllegalArgumentException(kind);
        }
    }

    static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : v == null ? Double.NaN : Double.parseDouble(v.toString());
    }

    /**
     * Word salads made of the questions' own words, brackets and connectives: the reading (called
     * directly, past the translator's guard that refuses what throws) must not throw, and must read a
     * question the same way twice.
     */
    @Test
    void no_question_should_crash_the_reading_and_the_same_question_should_give_the_same_plan() {
        List<String> words = new ArrayList<>(List.of("(", ")", "[", "]", "not", "a single", "or", "than", "vs", "and", "any",
                "more", "most", "apart from", "average", "per", "each", "which", "who", "9", "am", "0", "-", "'s"));
        questions.forEach(q -> words.addAll(List.of(q.path("q").asText().split(" "))));
        java.util.Random random = new java.util.Random(17);
        for (String db : List.of("cloud", "health")) {
            dev.attendees.query.internal.Reading reading = new dev.attendees.query.internal.Reading(vocabularies.get(db));
            for (int i = 0; i < 2_000; i++) {
                StringBuilder b = new StringBuilder();
                for (int k = random.nextInt(14); k >= 0; k--) {
                    b.append(words.get(random.nextInt(words.size()))).append(' ');
                }
                String question = b.toString();
                Translation first = reading.translate(question, null);
                Translation again = reading.translate(question, null);
                assertThat(String.valueOf(again.plan()) + again.refusal()).as(question)
                        .isEqualTo(String.valueOf(first.plan()) + first.refusal());
                if (first.plan() != null) {
                    first.plan().validate();
                }
            }
        }
    }

    @Test
    void the_translator_should_answer_nine_in_ten_questions_right_and_refuse_what_it_cannot() {
        List<Outcome> outcomes = questions.stream().map(TranslatorAccuracyTest::judge).toList();
        StringBuilder report = new StringBuilder();
        for (Outcome o : outcomes) {
            if (!o.right()) {
                report.append(o.question().path("heldOut").asBoolean() ? "[held] " : "") .append(o.question().path("q").asText())
                        .append("\n   ").append(o.why()).append('\n');
            }
        }
        long tuned = outcomes.stream().filter(o -> !o.question().path("heldOut").asBoolean()).count();
        long tunedRight = outcomes.stream().filter(o -> !o.question().path("heldOut").asBoolean() && o.right()).count();
        long held = outcomes.size() - tuned;
        long heldRight = outcomes.stream().filter(o -> o.question().path("heldOut").asBoolean() && o.right()).count();
        List<Outcome> sure = outcomes.stream().filter(o -> o.translation().confidence() >= 0.8).toList();
        long sureRight = sure.stream().filter(Outcome::right).count();
        System.out.printf("tuned %d/%d, held apart %d/%d, confident %d/%d%n%s", tunedRight, tuned, heldRight, held, sureRight,
                sure.size(), report);
        assertThat(tunedRight / (double) tuned).as("right on the tuned questions\n" + report).isGreaterThanOrEqualTo(0.9);
        assertThat(heldRight / (double) held).as("right on the questions held apart\n" + report).isGreaterThanOrEqualTo(0.9);
        assertThat(sureRight / (double) sure.size()).as("right among answers with confidence >= 0.8").isGreaterThanOrEqualTo(0.95);
        assertThat(outcomes).filteredOn(o -> o.question().path("kind").asText().equals("refuse"))
                .as("out-of-scope questions refused").allMatch(Outcome::right);
    }
}
