package dev.attendees.benchmarks;

import dev.attendees.Attendee;
import dev.attendees.CompanySize;
import dev.attendees.Industry;
import dev.attendees.export.AttendeeFileSink;
import dev.attendees.export.AttendeeFormat;
import dev.attendees.profile.EventProfile;
import dev.attendees.profile.EventProfiles;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.datafaker.Faker;

/**
 * The baseline: a plain, seeded Datafaker loop that fills the same {@link Attendee} fields with
 * independent random values (no correlation between company, domain, industry, title, interests
 * and booths, nothing unique), one attendee at a time. {@link DatafakerBaselineBenchmark} measures
 * it in a warm JVM; {@link #main} is the whole process {@link CliTiming} times beside the CLI:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.attendees.benchmarks.DatafakerAttendees 200000 /tmp/datafaker.csv
 * </pre>
 */
public final class DatafakerAttendees {
    private static final EventProfile PROFILE = EventProfiles.builtIn(EventProfiles.DEFAULT_ID);
    private static final String EVENT = PROFILE.defaultEventName();
    private static final List<String> INTERESTS = PROFILE.interestNames();
    private static final List<String> BOOTHS = PROFILE.booths().stream().map(EventProfile.Booth::name).toList();
    private static final Industry[] INDUSTRIES = Industry.values();
    private static final CompanySize[] SIZES = CompanySize.values();
    private static final LocalDateTime DOORS_OPEN = PROFILE.defaultDates().from().atTime(PROFILE.dailyHours().open());
    private static final int EVENT_SECONDS = (int) java.time.Duration.between(DOORS_OPEN,
            PROFILE.defaultDates().to().atTime(PROFILE.dailyHours().close())).toSeconds();

    /** Attendees written per batch by {@link #main}, as the CLI's batches. */
    private static final int BATCH = 4096;

    private final Random random;
    private final Faker faker;

    DatafakerAttendees(long seed) {
        random = new Random(seed);
        faker = new Faker(random);
    }

    /** {@code args}: how many attendees, and the CSV file to write (seed 42). */
    public static void main(String[] args) {
        long count = Long.parseLong(args[0]);
        DatafakerAttendees loop = new DatafakerAttendees(42);
        try (AttendeeFileSink sink = AttendeeFormat.CSV.open(Path.of(args[1]))) {
            List<Attendee> batch = new ArrayList<>(BATCH);
            for (long id = 1; id <= count; id++) {
                batch.add(loop.next(id));
                if (batch.size() == BATCH || id == count) {
                    sink.write(batch);
                    batch.clear();
                }
            }
            sink.commit();
        }
    }

    Attendee next(long id) {
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
