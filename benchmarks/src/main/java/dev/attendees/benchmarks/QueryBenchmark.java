package dev.attendees.benchmarks;

import dev.attendees.AttendeeGenerator;
import dev.attendees.query.Answer;
import dev.attendees.query.ChartRenderer;
import dev.attendees.query.QueryEngine;
import dev.attendees.sql.SqliteAttendeeStore;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Questions in plain English on 100,000 attendees in SQLite, parse to summary (target: p95 under
 * 50 ms): {@code ask} takes the next of a dozen questions of every kind (counts with filters,
 * rankings, comparisons, breakdowns over time, shares, averages, lists, a refusal) on a warm engine
 * that does not record history; JMH's sample mode reports the percentiles over all of them.
 * {@code chartPng} draws a ranking's chart apart.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx3g"})
public class QueryBenchmark extends SqlStoreBenchmark.Folder {
    static final List<String> QUESTIONS = List.of(
            "How many people are interested in Docker?",
            "Which companies have the most attendees?",
            "How many attendees are from startups vs enterprises?",
            "arrivals by hour",
            "What share of attendees use gmail?",
            "average number of booths visited by CTOs",
            "top 5 interests among enterprise attendees in financial services",
            "how many security engineers visited the AWS booth before 10am on the first day?",
            "list the CISOs at enterprise companies",
            "how many attendees visited at least 5 booths?",
            "percentage of attendees per company size",
            "what is the average salary of attendees?");

    @Param({"100000"})
    public int count;

    private SqliteAttendeeStore store;
    private QueryEngine engine;
    private Answer ranking;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        createFolder();
        store = SqliteAttendeeStore.open(dir.resolve("asked.db"));
        store.generate(AttendeeGenerator.builder().seed(GenerationBenchmark.SEED).build(), count);
        engine = QueryEngine.builder(store).recordHistory(false).build();
        for (String q : QUESTIONS) {
            Answer a = engine.ask(q);
            if (a.refused() != q.contains("salary")) {
                throw new IllegalStateException("the benchmark's question is not answered as expected: " + q + ": " + a.summary());
            }
        }
        ranking = engine.ask("Which companies have the most attendees?");
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    @Benchmark
    public Answer ask() {
        String q = QUESTIONS.get(next);
        next = (next + 1) % QUESTIONS.size();
        return engine.ask(q);
    }

    @Benchmark
    public byte[] chartPng() {
        return new ChartRenderer().png(ranking.chart());
    }
}
