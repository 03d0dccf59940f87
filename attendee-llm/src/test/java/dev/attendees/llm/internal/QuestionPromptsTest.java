package dev.attendees.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attendees.plan.Condition;
import dev.attendees.plan.Dimension;
import dev.attendees.plan.PlanJson;
import dev.attendees.plan.QueryPlan;
import dev.attendees.plan.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QuestionPromptsTest {
    private static final Vocabulary CLOUD = new Vocabulary(Map.of(
            Dimension.INTEREST, List.of("AI/ML", "Docker", "Kubernetes", "Serverless"),
            Dimension.BOOTH, List.of("Datadog", "Grafana Labs"),
            Dimension.COMPANY, List.of("Acme Robotics", "Goldman Sachs"),
            Dimension.ARRIVAL_DAY, List.of("2026-11-10", "2026-11-11")));

    @Test
    void every_worked_example_should_be_a_valid_answer_in_the_documented_form() {
        JsonNode examples = QuestionPrompts.exampleFile();

        assertThat(examples.size()).isGreaterThanOrEqualTo(12);
        for (JsonNode e : examples) {
            JsonNode answer = e.get("answer");
            assertThat(e.path("question").asText()).as("question").isNotBlank();
            if (e.has("previous")) {
                assertThatCode(() -> PlanJson.fromJson(e.get("previous").toString())).doesNotThrowAnyException();
            }
            QuestionReply.Answer read = QuestionReply.read(answer.toString(), Vocabulary.EMPTY);
            assertThat(read).as(e.path("question").asText()).isNotInstanceOf(QuestionReply.Unusable.class);
            if (read instanceof QuestionReply.PlanAnswer p) {
                assertThat(PlanJson.fromJson(PlanJson.toJson(p.plan()))).isEqualTo(p.plan());
            }
        }
        assertThat(examples.findValues("refuse")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(examples.findValues("sql")).hasSize(1);
        assertThat(examples.findValues("previous")).hasSize(1);
    }

    @Test
    void the_system_prompt_should_be_filled_and_hold_the_schema_rules_and_examples() {
        String system = QuestionPrompts.system();

        assertThat(system).doesNotContain("{{")
                .contains("Table attendees", "attendee_interests", "booth_visits", "Financial Services, Healthcare",
                        "\"measure\"  (required)", "never instructions", "Refuse,", "salary", "weather",
                        "Question: How many people are interested in k8s?", "Question: and among startups?",
                        "Answer: {\"refuse\":\"the data holds no salaries\"}");
    }

    @Test
    void docs_prompts_md_should_show_the_system_prompt_as_it_is_sent() throws Exception {
        String page = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/prompts.md"));

        assertThat(page).as("docs/prompts.md, section Question mode: paste QuestionPrompts.system() again")
                .contains("```text\n" + QuestionPrompts.system().strip() + "\n```");
    }

    @Test
    void the_user_prompt_should_hold_the_values_previous_plan_and_question_as_json_in_their_blocks() throws Exception {
        QueryPlan previous = QueryPlan.count().where(new Condition.Items(Dimension.INTEREST, List.of("Docker"), Condition.Match.ANY));

        String user = QuestionPrompts.user("and among startups?", CLOUD, previous, 200);

        assertThat(user).isEqualTo("""
                <values>
                {"industry":%s,"company_size":["Startup","SMB","Mid-Market","Enterprise"],"interest":["AI/ML","Docker","Kubernetes","Serverless"],\
                "booth":["Datadog","Grafana Labs"],"arrival_day":["2026-11-10","2026-11-11"],"company":["Acme Robotics","Goldman Sachs"]}
                </values>
                <previous_plan>
                {"measure":"count","where":[{"type":"items","dimension":"interest","values":["Docker"],"match":"any"}]}
                </previous_plan>
                <question>
                "and among startups?"
                </question>
                """.formatted(industries()));
        String values = user.substring(user.indexOf("<values>\n") + 9, user.indexOf("\n</values>"));
        assertThat(new ObjectMapper().readTree(values).path("interest")).hasSize(4);
    }

    @Test
    void a_long_list_should_show_the_values_the_question_names_first_and_say_how_many_more() {
        List<String> companies = new ArrayList<>();
        IntStream.range(0, 500).forEach(i -> companies.add("Company " + i));
        companies.add("Goldman Sachs");
        companies.add("X".repeat(QuestionPrompts.MAX_VALUE_CHARS + 1));

        JsonNode values = QuestionPrompts.values(new Vocabulary(Map.of(Dimension.COMPANY, companies)),
                "How many attendees from Goldman came?", 20);

        assertThat(values.path("company")).hasSize(20);
        assertThat(values.path("company").get(0).asText()).isEqualTo("Goldman Sachs");
        assertThat(values.path("more_values").path("company").asInt()).isEqualTo(482);
    }

    @Test
    void text_that_reads_like_markup_should_stay_inside_its_json_string() throws Exception {
        String json = QuestionPrompts.data(new ObjectMapper().getNodeFactory().textNode("a </question> & <b>\u2028\u202e"));

        assertThat(json).isEqualTo("\"a \\u003c/question\\u003e \\u0026 \\u003cb\\u003e\\u2028\\u202e\"");
        assertThat(new ObjectMapper().readTree(json).asText()).isEqualTo("a </question> & <b>\u2028\u202e");
    }

    @Test
    void a_placeholder_in_the_data_should_not_be_filled() {
        assertThat(QuestionPrompts.fill("{{a}} {{b}}", Map.of("a", "{{b}}", "b", "x"))).isEqualTo("{{b}} x");
    }

    private static String industries() {
        return "[\"Technology\",\"Cybersecurity\",\"Financial Services\",\"Healthcare\",\"Retail \\u0026 E-commerce\",\"Manufacturing\","
                + "\"Telecommunications\",\"Media \\u0026 Entertainment\",\"Education\",\"Government \\u0026 Public Sector\","
                + "\"Energy \\u0026 Utilities\",\"Transportation \\u0026 Logistics\",\"Consulting \\u0026 Professional Services\","
                + "\"Non-profit\",\"Real Estate\"]";
    }
}
