package dev.attendees;

import dev.attendees.profile.EventProfile;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * Everything that decides which attendees a run makes, resolved and validated by
 * {@link AttendeeGenerator.Builder#build()}. Attendee {@code i} is a pure function of these options
 * and {@code i}.
 *
 * @param eventName the event's name
 * @param profile the event type's profile
 * @param seed the seed
 * @param corporateRatio the share of corporate (versus personal) addresses, 0..1
 * @param interests the allowed interest categories (the whole catalogue when not restricted)
 * @param booths the booths attendees visit
 * @param from the event's first day
 * @param to the event's last day
 * @param dailyOpen when doors open each day
 * @param dailyClose when doors close each day
 * @param locales the crowd's locales with weights
 * @param undeliverableEmails whether every address uses a reserved domain ({@code .test},
 *     {@code example.com})
 */
public record GenerationOptions(
        String eventName,
        EventProfile profile,
        long seed,
        double corporateRatio,
        List<String> interests,
        List<String> booths,
        LocalDate from,
        LocalDate to,
        LocalTime dailyOpen,
        LocalTime dailyClose,
        Map<String, Double> locales,
        boolean undeliverableEmails) {

    public GenerationOptions {
        interests = List.copyOf(interests);
        booths = List.copyOf(booths);
        locales = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(locales));
    }
}
