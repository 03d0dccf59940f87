package dev.attendees.sql.internal;

import dev.attendees.plan.PlanResult;
import dev.attendees.plan.QueryPlan;
import java.time.Duration;

/**
 * Questions answered from their plans: a {@link QueryPlan} compiled for the store's database by
 * {@link PlanCompiler}, then run as any SQL from outside the store is, by {@link ReadOnlySql}
 * (checked, read-only, cancelled at its timeout). The answer carries the SQL that ran, values
 * inlined, so that what a person is shown is what ran.
 *
 * <pre>{@code
 * PlanResult answer = new PlanRunner(database, new ReadOnlySql(database)).run(plan, 1_000, Duration.ofSeconds(5));
 * answer.sql();      // SELECT industry, count(*) AS attendees FROM attendees AS a ...
 * answer.result();   // its rows
 * }</pre>
 */
public final class PlanRunner {

    private final PlanCompiler compiler;
    private final ReadOnlySql readOnlySql;

    public PlanRunner(Database database, ReadOnlySql readOnlySql) {
        this.compiler = new PlanCompiler(database.dialect().sql());
        this.readOnlySql = readOnlySql;
    }

    /**
     * Compiles {@code plan} and runs it, giving at most {@code maxRows} rows within {@code timeout}.
     *
     * @throws dev.attendees.ConfigurationException when the plan is not valid, before anything runs
     */
    public PlanResult run(QueryPlan plan, int maxRows, Duration timeout) {
        String sql = compiler.sql(plan);
        return new PlanResult(sql, readOnlySql.run(sql, maxRows, timeout));
    }
}
