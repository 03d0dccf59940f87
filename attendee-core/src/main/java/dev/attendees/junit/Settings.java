package dev.attendees.junit;

import dev.attendees.AttendeeGenerator;
import dev.attendees.ConfigurationException;
import dev.attendees.profile.EventProfile;
import dev.attendees.profile.EventProfiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The settings of one injection point, merged from the most specific level to the least:
 * the parameter or field, its method, the test class and its enclosing classes, the JUnit
 * configuration parameters {@code attendees.*}. A {@code null} component is not set at that level.
 */
record Settings(
        Integer count,
        Long seed,
        String event,
        String eventType,
        Double corporateRatio,
        String profile,
        String locale,
        boolean undeliverableEmails) {

    static final Settings NONE = new Settings(null, null, null, null, null, null, null, false);

    static final String PREFIX = "attendees.";

    static Settings of(FakeAttendees a) {
        if (a == null) {
            return NONE;
        }
        return new Settings(a.count() == FakeAttendees.UNSET_COUNT ? null : a.count(),
                a.seed() == FakeAttendees.UNSET_SEED ? null : a.seed(), text(a.event()), text(a.eventType()),
                a.corporateRatio() == FakeAttendees.UNSET_RATIO ? null : a.corporateRatio(), text(a.profile()),
                text(a.locale()), a.undeliverableEmails());
    }

    static Settings of(AttendeeSource a) {
        return new Settings(a.count() == FakeAttendees.UNSET_COUNT ? null : a.count(),
                a.seed() == FakeAttendees.UNSET_SEED ? null : a.seed(), text(a.event()), text(a.eventType()),
                a.corporateRatio() == FakeAttendees.UNSET_RATIO ? null : a.corporateRatio(), text(a.profile()),
                text(a.locale()), a.undeliverableEmails());
    }

    /**
     * The configuration parameters {@code attendees.seed}, {@code attendees.count},
     * {@code attendees.event}, {@code attendees.event-type}, {@code attendees.corporate-ratio},
     * {@code attendees.profile}, {@code attendees.locale} and {@code attendees.undeliverable-emails}
     * (from {@code junit-platform.properties}, the launcher, or system properties).
     */
    static Settings fromConfiguration(ExtensionContext context) {
        return new Settings(
                parameter(context, "count").map(v -> parse("count", v, Integer::valueOf)).orElse(null),
                parameter(context, "seed").map(v -> parse("seed", v, Long::valueOf)).orElse(null),
                parameter(context, "event").orElse(null),
                parameter(context, "event-type").orElse(null),
                parameter(context, "corporate-ratio").map(v -> parse("corporate-ratio", v, Double::valueOf)).orElse(null),
                parameter(context, "profile").orElse(null),
                parameter(context, "locale").orElse(null),
                parameter(context, "undeliverable-emails").map(v -> v.equalsIgnoreCase("true")).orElse(false));
    }

    private static Optional<String> parameter(ExtensionContext context, String name) {
        return context.getConfigurationParameter(PREFIX + name).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static <T> T parse(String name, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("configuration parameter " + PREFIX + name + " is not a number: '" + value + "'");
        }
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // equals and hashCode written out: settings key the generators of a test, and the generated
    // ones are linked through method handles on first use, a cost every test JVM's first injection paid.

    @Override
    public boolean equals(Object o) {
        return o instanceof Settings s && java.util.Objects.equals(count, s.count) && java.util.Objects.equals(seed, s.seed)
                && java.util.Objects.equals(event, s.event) && java.util.Objects.equals(eventType, s.eventType)
                && java.util.Objects.equals(corporateRatio, s.corporateRatio) && java.util.Objects.equals(profile, s.profile)
                && java.util.Objects.equals(locale, s.locale) && undeliverableEmails == s.undeliverableEmails;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(count, seed, event, eventType, corporateRatio, profile, locale, undeliverableEmails);
    }

    /** These settings, with what they leave unset taken from {@code lower}. */
    Settings over(Settings lower) {
        return new Settings(count != null ? count : lower.count, seed != null ? seed : lower.seed,
                event != null ? event : lower.event, eventType != null ? eventType : lower.eventType,
                corporateRatio != null ? corporateRatio : lower.corporateRatio, profile != null ? profile : lower.profile,
                locale != null ? locale : lower.locale, undeliverableEmails || lower.undeliverableEmails);
    }

    /** The count, or {@link FakeAttendees#DEFAULT_COUNT}. */
    int countOrDefault() {
        int n = count != null ? count : FakeAttendees.DEFAULT_COUNT;
        if (n < 1) {
            throw new ConfigurationException("count must be at least 1, was " + n);
        }
        return n;
    }

    /** What decides the generator: everything but the count, with the seed resolved. */
    Settings generatorKey(long resolvedSeed) {
        return new Settings(null, resolvedSeed, event, eventType, corporateRatio, profile, locale, undeliverableEmails);
    }

    /** A generator for these settings and {@code seed}; {@code testClass} finds class-path profiles. */
    AttendeeGenerator generator(long resolvedSeed, Class<?> testClass) {
        AttendeeGenerator.Builder b = AttendeeGenerator.builder().seed(resolvedSeed);
        if (event != null) {
            b.event(event);
        }
        if (eventType != null) {
            b.eventType(eventType);
        }
        if (corporateRatio != null) {
            b.corporateRatio(corporateRatio);
        }
        if (profile != null) {
            b.profile(loadProfile(profile, testClass));
        }
        if (locale != null) {
            b.locale(locale);
        }
        b.undeliverableEmails(undeliverableEmails);
        return b.build();
    }

    /** A profile by file path or class-path resource; the message lists what was tried. */
    static EventProfile loadProfile(String spec, Class<?> testClass) {
        ClassLoader loader = testClass != null && testClass.getClassLoader() != null
                ? testClass.getClassLoader() : Thread.currentThread().getContextClassLoader();
        boolean classpathOnly = spec.startsWith("classpath:");
        String resource = (classpathOnly ? spec.substring("classpath:".length()) : spec).replaceFirst("^/+", "");
        if (!classpathOnly) {
            Path file = Path.of(spec);
            if (Files.isRegularFile(file)) {
                return EventProfiles.load(file);
            }
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in != null) {
                return EventProfiles.read(in, resource);
            }
        } catch (IOException e) {
            throw new ConfigurationException("cannot read profile resource " + resource + ": " + e.getMessage(), e);
        }
        throw new ConfigurationException("profile '" + spec + "' not found; tried "
                + (classpathOnly ? "" : "file " + Path.of(spec).toAbsolutePath() + " and ") + "class-path resource " + resource);
    }
}
