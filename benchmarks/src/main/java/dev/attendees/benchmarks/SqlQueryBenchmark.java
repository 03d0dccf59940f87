package dev.attendees.benchmarks;

import dev.attendees.AttendeeGenerator;
import dev.attendees.CompanySize;
import dev.attendees.Industry;
import dev.attendees.sql.SqliteAttendeeStore;
import dev.attendees.store.AttendeeField;
import dev.attendees.store.AttendeeFilter;
import dev.attendees.store.AttendeePage;
import dev.attendees.store.AttendeeQuery;
import dev.attendees.store.Facet;
import dev.attendees.store.Sort;
import dev.attendees.store.ValueCount;
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
 * Common queries of the SQLite store on 100,000 attendees (target: under 50 ms each): counts by
 * industry, the top interests, a page of a broad filter (28% of attendees: two industries, two
 * sizes, either of two interests, sorted by arrival, page 4 of 50, with the total) and of a narrow
 * one, and a full-text count.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx3g"})
public class SqlQueryBenchmark extends SqlStoreBenchmark.Folder {

    @Param({"100000"})
    public int count;

    private SqliteAttendeeStore store;
    private AttendeeQuery broad;
    private AttendeeQuery narrow;
    private AttendeeFilter text;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        createFolder();
        store = SqliteAttendeeStore.open(dir.resolve("stored.db"));
        store.generate(AttendeeGenerator.builder().seed(GenerationBenchmark.SEED).build(), count);
        broad = AttendeeQuery.builder()
                .filter(AttendeeFilter.builder().industries(Industry.TECHNOLOGY, Industry.FINANCIAL_SERVICES)
                        .companySizes(CompanySize.ENTERPRISE, CompanySize.MID_MARKET)
                        .interestsAny("Kubernetes", "Observability").build())
                .sort(Sort.desc(AttendeeField.ATTENDANCE_TIME))
                .page(3, 50)
                .build();
        narrow = AttendeeQuery.builder()
                .filter(AttendeeFilter.builder().industries(Industry.HEALTHCARE).interestsAny("Security").build())
                .sort(Sort.asc(AttendeeField.COMPANY))
                .page(1, 50)
                .build();
        text = AttendeeFilter.builder().text("platform engineer").build();
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    @Benchmark
    public List<ValueCount> countByIndustry() {
        return store.countBy(Facet.INDUSTRY, AttendeeFilter.ALL, 20);
    }

    @Benchmark
    public List<ValueCount> topInterests() {
        return store.countBy(Facet.INTEREST, AttendeeFilter.ALL, 10);
    }

    @Benchmark
    public AttendeePage broadFilteredPage() {
        return store.find(broad);
    }

    @Benchmark
    public AttendeePage narrowFilteredPage() {
        return store.find(narrow);
    }

    @Benchmark
    public long fullText() {
        return store.count(text);
    }
}
