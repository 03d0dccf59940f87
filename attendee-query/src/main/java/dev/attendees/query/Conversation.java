package dev.attendees.query;

import dev.attendees.plan.QueryPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Questions asked one after another, each free to follow up on the last one answered: "Which
 * companies have the most attendees?", then "and among startups?", "what about Kubernetes?" or
 * "show them". A refused question leaves the thread where it was. Not thread-safe: one per person.
 */
public final class Conversation {
    private final QueryEngine engine;
    private final List<Answer> answers = new ArrayList<>();
    private QueryPlan last;

    Conversation(QueryEngine engine) {
        this.engine = engine;
    }

    /** Answers a question, as a follow-up of the last answered one when it reads as one. */
    public Answer ask(String question) {
        Answer answer = engine.ask(question, last);
        if (!answer.refused() && answer.plan() != null) {
            last = answer.plan();
        }
        answers.add(answer);
        return answer;
    }

    /** The answers so far, oldest first. */
    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** The plan the next question may follow up on, or {@code null}. */
    public QueryPlan lastPlan() {
        return last;
    }
}
