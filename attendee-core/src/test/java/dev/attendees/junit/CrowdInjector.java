package dev.attendees.junit;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A test injector (registered in META-INF/services) for {@link Crowd}, and one side of {@link Contested}. */
public final class CrowdInjector implements AttendeeInjector {

    /** A value only this injector makes. */
    public record Crowd(List<Attendee> attendees) {}

    /** A type two injectors claim. */
    public record Contested() {}

    /** How many crowds were released. */
    static final AtomicInteger RELEASED = new AtomicInteger();

    @Override
    public boolean supports(Type type) {
        return type == Crowd.class || type == Contested.class;
    }

    @Override
    public Injection inject(Type type, AttendeeGenerator generator, long from, long to) {
        return new Injection(new Crowd(generator.slice(from, to)), RELEASED::incrementAndGet);
    }

    @Override
    public String describe() {
        return "Crowd (test)";
    }

    /** The other claimant of {@link Contested}. */
    public static final class Rival implements AttendeeInjector {
        @Override
        public boolean supports(Type type) {
            return type == Contested.class;
        }

        @Override
        public Injection inject(Type type, AttendeeGenerator generator, long from, long to) {
            return new Injection(new Contested(), null);
        }

        @Override
        public String describe() {
            return "Contested (test)";
        }
    }
}
