package dev.attendees.benchmarks;

import dev.attendees.Attendee;
import dev.attendees.CompanySize;
import dev.attendees.Industry;
import dev.attendees.profile.EventProfile;
import dev.attendees.profile.EventProfiles;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import net.datafaker.Faker;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The baseline: a plain, seeded Datafaker loop that fills the same {@link Attendee} fields with
 * independent random values (no correlation between company, domain, industry, title, interests
 * and booths), on one thread. Same counts and settings as {@link GenerationBenchmark}, so the two
 * sit side by side in one run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g"})
public class DatafakerBaselineBenchmark {

    private static final EventProfile PROFILE = EventProfiles.builtIn(EventProfiles.DEFAULT_ID);
    private static final String EVENT = PROFILE.defaultEventName();
    private static final List<String> INTERESTS = PROFILE.interestNames();
    private static final List<String> BOOTHS = PROFILE.booths().stream().map(EventProfile.Booth::name).toList();
    private static final Industry[] INDUSTRIES = Industry.values();
    private static final CompanySize[] SIZES = CompanySize.values();
    private static final LocalDateTime DOORS_OPEN = PROFILE.defaultDates().from().atTime(PROFILE.dailyHours().open());
    private static final int EVENT_SECONDS = (int) java.time.Duration.between(DOORS_OPEN,
            PROFILE.defaultDates().to().atTime(PROFILE.dailyHours().close())).toSeconds();

    @Param({"1", "1000", "5000", "1000000"})
    public int count;

    private Faker faker;
    private Random random;

    @Setup(Level.Trial)
    public void setUp() {
        random = new Random(42);
        faker = new Faker(random);
    }

    @Benchmark
    public void singleThread(Blackhole bh) {
        for (int i = 0; i < count; i++) {
            bh.consume(next(i + 1));
        }
    }

    private Attendee next(long id) {
        String name = faker.name().fullName();
        String email = faker.internet().emailAddress();
        String company = faker.company().name();
        String jobTitle = faker.job().title();
        Industry industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
        CompanySize size = SIZES[random.nextInt(SIZES.length)];
        List<String> interests = pick(INTERESTS, 1 + random.nextInt(3));
        List<String> booths = pick(BOOTHS, random.nextInt(5));
        LocalDateTime attendance = DOORS_OPEN.plusSeconds(random.nextInt(EVENT_SECONDS));
        LocalDateTime created = attendance.minusSeconds(3_600L + random.nextInt(90 * 86_400));
        return new Attendee(id, name, email, company, EVENT, attendance, jobTitle, industry, size, interests,
                booths, "", created);
    }

    /** {@code n} distinct random items of {@code from}, in random order. */
    private List<String> pick(List<String> from, int n) {
        int k = Math.min(n, from.size());
        List<String> out = new ArrayList<>(k);
        while (out.size() < k) {
            String s = from.get(random.nextInt(from.size()));
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
