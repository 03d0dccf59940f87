/**
 * Questions as data: the typed {@link dev.attendees.plan.QueryPlan} that a question translates to
 * (offline, or by a model) and that a store compiles to SQL for its dialect. A plan is checked
 * ({@link dev.attendees.plan.QueryPlan#validate()}) before it runs; nothing a question or a model
 * produces runs as code.
 */
package dev.attendees.plan;
