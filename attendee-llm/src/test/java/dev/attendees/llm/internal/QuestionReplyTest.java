package dev.attendees.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.plan.Condition;
import dev.attendees.plan.Dimension;
import dev.attendees.plan.QueryPlan;
import dev.attendees.plan.Vocabulary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionReplyTest {
    private static final Vocabulary VOCABULARY = new Vocabulary(Map.of(Dimension.INTEREST, List.of("Docker", "Kubernetes")));
    private static final QueryPlan DOCKER = QueryPlan.count()
            .where(new Condition.Items(Dimension.INTEREST, List.of("Docker"), Condition.Match.ANY));
    private static final String PLAN = "{\"measure\": \"count\", \"where\": [{\"type\": \"items\", \"dimension\": \"interest\","
            + " \"values\": [\"Docker\"], \"match\": \"any\"}]}";

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"plan\": " + PLAN + ", \"confidence\": 0.8}",
            "```json\n{\"plan\": " + PLAN + ", \"confidence\": 0.8}\n```",
            "Here is the plan:\n```\n{\"plan\": " + PLAN + ", \"confidence\": \"80%\"}\n```\nHope this helps.",
            "Sure. {\"plan\": " + PLAN + ", \"confidence\": \"0.8\", \"explanation\": \"counting Docker fans\"} Done.",
            "\uFEFF{\"plan\": " + PLAN + ", \"confidence\": 0.8,}"})
    void should_read_a_plan_in_its_envelope_however_it_is_wrapped(String reply) {
        assertThat(QuestionReply.read(reply, VOCABULARY)).isEqualTo(new QuestionReply.PlanAnswer(DOCKER, 0.8));
    }

    @Test
    void should_read_a_bare_plan_with_no_stated_confidence() {
        QuestionReply.Answer a = QuestionReply.read(PLAN, VOCABULARY);

        assertThat(a).isInstanceOfSatisfying(QuestionReply.PlanAnswer.class, p -> {
            assertThat(p.plan()).isEqualTo(DOCKER);
            assertThat(p.confidence()).isNaN();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"sql\": \"SELECT COUNT(*) FROM attendees;\", \"confidence\": 0.6}",
            "```sql\nSELECT COUNT(*) FROM attendees;\n```",
            "select COUNT(*) FROM attendees"})
    void should_read_sql_in_an_envelope_a_fence_or_bare(String reply) {
        assertThat(QuestionReply.read(reply, VOCABULARY)).isInstanceOfSatisfying(QuestionReply.SqlAnswer.class,
                s -> assertThat(s.sql()).isEqualToIgnoringCase("SELECT COUNT(*) FROM attendees"));
    }

    @Test
    void should_read_a_refusal_on_one_line_with_controls_escaped() {
        assertThat(QuestionReply.read("{\"refuse\": \"the data holds\\nno salaries\\u001b[2J\"}", VOCABULARY))
                .isEqualTo(new QuestionReply.Refusal("the data holds no salaries\\u001b[2J"));
    }

    @Test
    void should_name_the_problem_of_an_unusable_reply() {
        assertThat(QuestionReply.read("", VOCABULARY)).isEqualTo(new QuestionReply.Unusable("the reply was empty"));
        assertThat(QuestionReply.read("I think about 40 people.", VOCABULARY)).isEqualTo(new QuestionReply.Unusable(
                "the reply was neither one JSON object with plan, sql or refuse nor a SELECT statement: 'I think about 40 people.'"));
        assertThat(QuestionReply.read("{\"answer\": 40}", VOCABULARY))
                .isEqualTo(new QuestionReply.Unusable("the reply's JSON object had none of plan, sql and refuse"));
        assertThat(QuestionReply.read("{\"plan\": " + PLAN + ", \"sql\": \"SELECT 1\"}", VOCABULARY))
                .isEqualTo(new QuestionReply.Unusable("the reply had more than one of plan, sql and refuse; give exactly one"));
        assertThat(QuestionReply.read("{\"plan\": \"count everyone\"}", VOCABULARY))
                .isEqualTo(new QuestionReply.Unusable("plan must be a JSON object such as {\"measure\": \"count\"}"));
        assertThat(QuestionReply.read("{\"sql\": [\"SELECT 1\"]}", VOCABULARY))
                .isEqualTo(new QuestionReply.Unusable("sql must be a string holding one SELECT statement"));
        assertThat(QuestionReply.read("{\"plan\": {\"measure\": \"count\", \"where\": [{\"type\": \"items\", \"dimension\": \"interest\","
                + " \"values\": [\"kubernetes\"]}]}}", VOCABULARY)).isEqualTo(new QuestionReply.Unusable(
                "query plan: where[0].values[0]: no interest 'kubernetes' in the data; did you mean 'Kubernetes'?"));
        assertThat(QuestionReply.read("{\"sql\": \"DROP TABLE attendees\"}", VOCABULARY)).isEqualTo(new QuestionReply.Unusable(
                "only a SELECT (or WITH ... SELECT) may run, and the SQL begins with 'DROP'"));
    }

    @Test
    void should_take_a_confidence_only_when_it_is_a_number() {
        assertThat(QuestionReply.confidence(com.fasterxml.jackson.databind.node.TextNode.valueOf("high"))).isNaN();
        assertThat(QuestionReply.confidence(com.fasterxml.jackson.databind.node.DoubleNode.valueOf(1.7))).isEqualTo(1.7);
        assertThat(QuestionReply.confidence(null)).isNaN();
    }
}
