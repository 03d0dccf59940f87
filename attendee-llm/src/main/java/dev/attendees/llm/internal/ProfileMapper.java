package dev.attendees.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attendees.CompanySize;
import dev.attendees.ConfigurationException;
import dev.attendees.Industry;
import dev.attendees.profile.EventProfile;
import dev.attendees.profile.Level;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a profile a model designed (the compact schema of {@link Prompts#profileSchema()}) into a
 * core {@link EventProfile}, repairing what has one obvious repair (industry synonyms, a title
 * listed twice, an interest a role names that is not in the catalogue, {@code "8:00"} for
 * {@code "08:00"}) and dropping companies that cannot be repaired; then validates it.
 */
public final class ProfileMapper {
    private static final Pattern HOUR = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    private ProfileMapper() {}

    /**
     * The validated profile.
     *
     * @param id the event type id to give it
     * @param eventName the event's name, its default event name
     * @param source a name for messages
     * @throws ConfigurationException naming the field when the design is unusable
     */
    public static EventProfile toProfile(JsonNode d, String id, String eventName, String source) {
        if (d == null || !d.isObject()) {
            throw new ConfigurationException(source + ": the reply had no JSON object");
        }
        LocalDate from = date(d.path("default_dates").path("from").asText(null));
        LocalDate to = date(d.path("default_dates").path("to").asText(null));
        if (from == null || to == null || to.isBefore(from)) {
            throw new ConfigurationException(source + ": default_dates needs from and to as YYYY-MM-DD, from first");
        }
        LocalTime open = hour(d.path("daily_hours").path("open").asText(null));
        LocalTime close = hour(d.path("daily_hours").path("close").asText(null));
        if (open == null || close == null || !open.isBefore(close)) {
            throw new ConfigurationException(source + ": daily_hours needs open before close as HH:MM");
        }

        Map<String, Double> arrival = new LinkedHashMap<>();
        for (JsonNode s : d.path("arrival_curve")) {
            LocalTime t = hour(s.path("slot").asText(null));
            double w = s.path("weight").asDouble(-1);
            if (t != null && w >= 0 && Double.isFinite(w)) {
                LocalTime slot = LocalTime.of(t.getHour(), t.getMinute() < 30 ? 0 : 30);
                if (!slot.isBefore(open.withMinute(open.getMinute() < 30 ? 0 : 30)) && slot.isBefore(close)) {
                    arrival.merge(String.format(Locale.ROOT, "%02d:%02d", slot.getHour(), slot.getMinute()), w, Double::sum);
                }
            }
        }
        if (arrival.values().stream().noneMatch(w -> w > 0)) {
            arrival.clear();
            for (LocalTime t = LocalTime.of(open.getHour(), open.getMinute() < 30 ? 0 : 30); t.isBefore(close); t = t.plusMinutes(30)) {
                arrival.put(String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute()), 1.0);
                if (t.equals(LocalTime.of(23, 30))) {
                    break;
                }
            }
        }
        List<Double> days = new ArrayList<>();
        d.path("day_weights").forEach(w -> {
            if (w.isNumber() && w.asDouble() >= 0) {
                days.add(w.asDouble());
            }
        });
        if (days.isEmpty() || days.get(0) <= 0) {
            days.clear();
            days.add(1.0);
        }

        Map<String, Double> industries = new LinkedHashMap<>();
        for (JsonNode i : d.path("industries")) {
            Vocabulary.industry(i.path("industry").asText(null)).ifPresent(ind ->
                    positive(i.path("weight")).ifPresent(w -> industries.merge(ind.label(), w, Double::sum)));
        }
        Map<String, Double> sizes = new LinkedHashMap<>();
        for (JsonNode s : d.path("size_shares")) {
            Vocabulary.size(s.path("size").asText(null)).ifPresent(sz ->
                    positive(s.path("weight")).ifPresent(w -> sizes.merge(sz.label(), w, Double::sum)));
        }

        List<EventProfile.Interest> interests = new ArrayList<>();
        Map<String, String> interestNames = new LinkedHashMap<>();
        for (JsonNode i : d.path("interests")) {
            String name = clean(i.path("name").asText(null));
            if (name != null && !name.contains(";") && !interestNames.containsKey(RunRegistry.fold(name)) && interests.size() < 64) {
                double w = positive(i.path("weight")).orElse(1.0);
                interests.add(new EventProfile.Interest(name, w));
                interestNames.put(RunRegistry.fold(name), name);
            }
        }

        List<EventProfile.Role> roles = new ArrayList<>();
        Set<String> titles = new HashSet<>();
        for (JsonNode r : d.path("roles")) {
            String function = clean(r.path("function").asText(null));
            if (function == null) {
                continue;
            }
            Map<String, Double> favoured = new LinkedHashMap<>();
            r.path("interests").forEach(i -> {
                String known = interestNames.get(RunRegistry.fold(i.asText("")));
                if (known != null) {
                    favoured.put(known, 2.5);
                }
            });
            Map<String, Double> bias = new LinkedHashMap<>();
            r.path("industries").forEach(i -> Vocabulary.industry(i.asText(null)).ifPresent(ind -> bias.put(ind.label(), 1.5)));
            List<EventProfile.Title> list = new ArrayList<>();
            for (JsonNode t : r.path("titles")) {
                String title = clean(t.path("title").asText(null));
                Level level = level(t.path("level").asText(null));
                if (title != null && level != null && titles.add(RunRegistry.fold(title))) {
                    list.add(new EventProfile.Title(title, level, positive(t.path("weight")).orElse(1.0)));
                }
            }
            if (!list.isEmpty()) {
                roles.add(new EventProfile.Role(function, positive(r.path("weight")).orElse(1.0), favoured, bias, list));
            }
        }

        List<EventProfile.Booth> booths = new ArrayList<>();
        Set<String> boothNames = new HashSet<>();
        for (JsonNode b : d.path("booths")) {
            String name = clean(b.path("name").asText(null));
            if (name == null || name.contains(";") || !boothNames.add(RunRegistry.fold(name))) {
                continue;
            }
            List<String> categories = new ArrayList<>();
            b.path("categories").forEach(c -> {
                String known = interestNames.get(RunRegistry.fold(c.asText("")));
                if (known != null && !categories.contains(known)) {
                    categories.add(known);
                }
            });
            booths.add(new EventProfile.Booth(name, categories));
        }

        List<EventProfile.Company> companies = new ArrayList<>();
        Set<String> companyNames = new HashSet<>();
        Set<String> domains = new HashSet<>();
        for (JsonNode c : d.path("companies")) {
            String name = clean(c.path("name").asText(null));
            String domain = c.path("domain").asText("").strip().toLowerCase(Locale.ROOT)
                    .replaceFirst("^https?://", "").replaceFirst("^www\\.", "").replaceFirst("/.*$", "");
            Industry industry = Vocabulary.industry(c.path("industry").asText(null)).orElse(null);
            CompanySize size = Vocabulary.size(c.path("size").asText(null)).orElse(null);
            String pattern = c.path("email_pattern").asText(null);
            if (name == null || !DOMAIN.matcher(domain).matches() || industry == null || size == null
                    || !companyNames.add(RunRegistry.fold(name)) || !domains.add(domain)) {
                continue;
            }
            companies.add(new EventProfile.Company(name, domain, industry.label(), size.label(),
                    EventProfile.EMAIL_PATTERNS.contains(pattern) ? pattern : null));
        }

        EventProfile profile = new EventProfile(id, clean(d.path("display_name").asText(eventName)), eventName, List.of(),
                new EventProfile.DateRange(from, to), new EventProfile.DailyHours(open, close), arrival, days, industries, sizes,
                interests, Map.of(), counts(d.path("interests_per_attendee"), 1, 6, Map.of("1", 3.0, "2", 4.0, "3", 2.0)),
                roles, booths, counts(d.path("booths_visited"), 0, 10, Map.of("0", 1.0, "2", 3.0, "4", 2.0)), companies);
        return profile.validate(source);
    }

    private static Map<String, Double> counts(JsonNode list, int min, int max, Map<String, Double> otherwise) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (JsonNode c : list) {
            int n = c.path("count").asInt(-1);
            double w = c.path("weight").asDouble(-1);
            if (n >= min && n <= max && w >= 0 && Double.isFinite(w)) {
                out.merge(String.valueOf(n), w, Double::sum);
            }
        }
        return out.values().stream().anyMatch(w -> w > 0) ? out : otherwise;
    }

    private static java.util.Optional<Double> positive(JsonNode n) {
        double w = n.asDouble(-1);
        return w > 0 && Double.isFinite(w) ? java.util.Optional.of(w) : java.util.Optional.empty();
    }

    private static String clean(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip().replaceAll("\\s+", " ");
        if (s.isEmpty() || s.length() > RecordChecker.MAX_TEXT || Escape.hasUnsafe(s)) {
            return null;
        }
        return s;
    }

    private static Level level(String text) {
        if (text == null) {
            return null;
        }
        String k = text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (Level l : Level.values()) {
            if (l.id().equals(k)) {
                return l;
            }
        }
        return switch (k) {
            case "entry", "entry-level", "intern", "graduate" -> Level.JUNIOR;
            case "intermediate", "mid-level" -> Level.MID;
            case "principal", "staff", "lead-engineer" -> Level.LEAD;
            case "head", "executive" -> Level.DIRECTOR;
            case "c-suite", "cxo", "chief", "clevel" -> Level.C_LEVEL;
            default -> null;
        };
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text.strip());
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static LocalTime hour(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = HOUR.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        return h < 24 && min < 60 ? LocalTime.of(h, min) : null;
    }
}
