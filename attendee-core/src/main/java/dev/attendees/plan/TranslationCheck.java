package dev.attendees.plan;

/**
 * What the query engine says about a translation before it answers with it: {@code null} when the
 * plan or SQL may run, else the problem in one line ("unknown column 'salary'", "only SELECT may
 * run"). A translator that can correct itself (a model) sends the problem back and tries again, a
 * bounded number of times; the offline translator has nothing to correct.
 */
@FunctionalInterface
public interface TranslationCheck {
    /** Accepts everything. */
    TranslationCheck NONE = t -> null;

    /** The problem with {@code translation}'s plan or SQL, or {@code null} when it may run. */
    String problem(Translation translation);
}
