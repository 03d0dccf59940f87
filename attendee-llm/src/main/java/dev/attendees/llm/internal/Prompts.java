package dev.attendees.llm.internal;

import dev.attendees.CompanySize;
import dev.attendees.GenerationOptions;
import dev.attendees.Industry;
import dev.attendees.profile.EventProfile;
import dev.attendees.profile.Level;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every prompt and JSON schema this module sends. {@code docs/prompts.md} shows them verbatim and
 * says why each instruction is there; change both together.
 */
public final class Prompts {

    /** The separator of list items in prompts: names may hold commas, never this. */
    public static final String SEPARATOR = " | ";

    /** The system prompt of record mode. */
    public static final String RECORD_SYSTEM = """
            You write realistic, fictional attendee records for a professional event, for test data.
            Rules:
            1. Answer with one JSON object {"attendees": [...]} and nothing else: no prose, no Markdown, no code fences.
            2. Write exactly the number of attendees asked for, each a different, fictional person.
            3. Use exactly these snake_case fields: name, email, company, job_title, industry, company_size, attendance_time, product_interests, booth_visited.
            4. industry is exactly one of: %s.
            5. company_size is exactly one of: Startup (1-50 employees), SMB (51-500), Mid-Market (501-5,000), Enterprise (more than 5,000). Write only the word, e.g. "Mid-Market".
            6. A company always has the same email domain, industry and company_size. Corporate emails are lower case, on the company's own domain, in one pattern per company (first.last, flast ...). Personal emails are on webmail (gmail.com, or the locale's usual provider).
            7. attendance_time is local time "YYYY-MM-DD HH:MM:SS", on one of the event's days, within its daily hours; most people arrive in the morning.
            8. product_interests is a JSON array of 1 to 4 items, copied exactly from the interest catalogue; booth_visited is a JSON array of 0 to 6 booth names, copied exactly from the booth list, in visiting order, mostly booths that show the attendee's interests.
            9. job_title fits the event, the company's industry and its size; mix seniorities.
            10. Never reuse a name listed as already used; reuse a listed company only with exactly its listed domain, industry and size.
            """.formatted(Stream.of(Industry.values()).map(Industry::label).collect(Collectors.joining(", ")));

    /** The system prompt of profile mode. */
    public static final String PROFILE_SYSTEM = """
            You design event profiles for a generator of realistic, fictional event attendees. A profile describes who attends one kind of event: their companies, industries, company sizes, job titles, interests, the booths they visit and when they arrive.
            Rules:
            1. Answer with one JSON object that follows the schema, and nothing else: no prose, no Markdown, no code fences.
            2. industries and size_shares use only the contract's values: industries from %s; sizes from Startup, SMB, Mid-Market, Enterprise. Weights are relative numbers > 0.
            3. interests: 8 to 20 product-interest categories typical of this event, short names (1 to 3 words), no ';'.
            4. roles: 5 to 12 job functions; each has 3 to 8 job titles, every title unique across all roles, a level from junior, mid, senior, lead, manager, director, vp, c-level, and the interests it favours (names copied exactly from interests).
            5. booths: 10 to 30 exhibitor booths with believable names; categories copied exactly from interests.
            6. companies: 30 to 60 companies that would send people to this event, real or plausible, of every size; each with its own lower-case web domain (unique), one industry and one size from the lists, and an email_pattern from first.last, first_last, first-last, last.first, flast, f.last, lastf.
            7. arrival_curve: relative arrivals per 30-minute slot "HH:00" or "HH:30" within daily_hours; day_weights: relative attendance per event day.
            8. interests_per_attendee and booths_visited: weights of how many interests (1 to 6) and booths (0 to 10) one attendee has.
            9. default_dates: a plausible date range (YYYY-MM-DD) for the next edition; daily_hours: "HH:MM" opening and closing.
            """.formatted(Stream.of(Industry.values()).map(Industry::label).collect(Collectors.joining(", ")));

    private Prompts() {}

    /**
     * The user prompt of one record batch.
     *
     * @param count records to write
     * @param registry what the run has accepted so far
     */
    public static String recordUser(GenerationOptions o, int count, RunRegistry registry) {
        EventProfile p = o.profile();
        StringBuilder sb = new StringBuilder();
        sb.append("Event: ").append(o.eventName()).append('\n');
        sb.append("About the event: ").append(p.displayName() == null ? p.id() : p.displayName()).append('\n');
        sb.append("Dates: ").append(o.from()).append(" to ").append(o.to()).append('\n');
        sb.append("Daily hours: ").append(o.dailyOpen()).append(" to ").append(o.dailyClose()).append('\n');
        sb.append("Locales of the crowd: ").append(o.locales().entrySet().stream()
                .map(e -> e.getKey() + " " + Math.round(100 * e.getValue() / o.locales().values().stream()
                        .mapToDouble(Double::doubleValue).sum()) + "%").collect(Collectors.joining(", "))).append('\n');
        sb.append("Corporate addresses: ").append(Math.round(o.corporateRatio() * 100)).append("% (the rest personal)\n");
        if (o.undeliverableEmails()) {
            sb.append("Email domains: reserved only: company domains end in .test (northwind.io.test), personal addresses use example.com\n");
        }
        sb.append("Interest catalogue: ").append(String.join(SEPARATOR, o.interests())).append('\n');
        Map<String, List<String>> shows = p.booths().stream()
                .collect(Collectors.toMap(EventProfile.Booth::name, EventProfile.Booth::categories, (a, b) -> a));
        sb.append("Booths: ").append(o.booths().stream()
                .map(b -> shows.containsKey(b) && !shows.get(b).isEmpty() ? b + " (" + String.join(", ", shows.get(b)) + ")" : b)
                .collect(Collectors.joining(SEPARATOR))).append('\n');
        sb.append("Typical job titles: ").append(p.roles().stream()
                .flatMap(r -> r.titles().stream().map(t -> Map.entry(t.title(), r.weight() * t.weight())))
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(30).map(Map.Entry::getKey).collect(Collectors.joining(SEPARATOR))).append('\n');
        List<RunRegistry.CompanyFacts> seen = registry.companies(40);
        if (!seen.isEmpty()) {
            sb.append("Companies already in this run (name, domain, industry, size): ").append(seen.stream()
                    .map(c -> c.name() + ", " + (c.domain() == null ? "personal addresses only" : c.domain()) + ", "
                            + c.industry().label() + ", " + c.size().label())
                    .collect(Collectors.joining(SEPARATOR))).append('\n');
        } else if (!p.companies().isEmpty()) {
            sb.append("Companies typical of this event (name, domain, industry, size): ").append(p.companies().stream()
                    .limit(30).map(c -> c.name() + ", " + c.domain() + ", " + c.industry() + ", " + c.size())
                    .collect(Collectors.joining(SEPARATOR))).append('\n');
        }
        List<String> names = registry.recentNames(60);
        if (!names.isEmpty()) {
            sb.append("Names already used (do not use again): ").append(String.join(SEPARATOR, names)).append('\n');
        }
        sb.append("Write exactly ").append(count).append(" new attendees.");
        return sb.toString();
    }

    /** The JSON schema of a record batch: enums for the contract's lists and the event's catalogue. */
    public static JsonSchema recordSchema(GenerationOptions o) {
        JsonObjectSchema attendee = JsonObjectSchema.builder()
                .addStringProperty("name", "First Last, realistic for the crowd's locales")
                .addStringProperty("email", "lower case; corporate on the company's domain, or personal webmail")
                .addStringProperty("company")
                .addStringProperty("job_title")
                .addEnumProperty("industry", Stream.of(Industry.values()).map(Industry::label).toList())
                .addEnumProperty("company_size", Stream.of(CompanySize.values()).map(CompanySize::label).toList())
                .addStringProperty("attendance_time", "YYYY-MM-DD HH:MM:SS, local time")
                .addProperty("product_interests", JsonArraySchema.builder()
                        .items(JsonEnumSchema.builder().enumValues(o.interests()).build()).build())
                .addProperty("booth_visited", JsonArraySchema.builder()
                        .items(o.booths().isEmpty() ? new JsonStringSchema()
                                : JsonEnumSchema.builder().enumValues(o.booths()).build()).build())
                .required("name", "email", "company", "job_title", "industry", "company_size", "attendance_time",
                        "product_interests", "booth_visited")
                .additionalProperties(false)
                .build();
        return JsonSchema.builder()
                .name("attendees")
                .rootElement(JsonObjectSchema.builder()
                        .addProperty("attendees", JsonArraySchema.builder().items(attendee).build())
                        .required("attendees")
                        .additionalProperties(false)
                        .build())
                .build();
    }

    /** The user prompt of profile mode; {@code problem} is why the previous answer was rejected, or null. */
    public static String profileUser(String event, String problem) {
        String ask = "Event: " + event + "\nDesign the attendee profile of this event.";
        return problem == null ? ask : ask + "\nYour previous profile was rejected: " + problem + "\nFix that and answer with the whole profile again.";
    }

    /** The JSON schema of a designed profile. */
    public static JsonSchema profileSchema() {
        List<String> industries = Stream.of(Industry.values()).map(Industry::label).toList();
        List<String> sizes = Stream.of(CompanySize.values()).map(CompanySize::label).toList();
        List<String> levels = Stream.of(Level.values()).map(Level::id).toList();
        JsonObjectSchema weighted = JsonObjectSchema.builder()
                .addStringProperty("name").addNumberProperty("weight").required("name", "weight").additionalProperties(false).build();
        JsonObjectSchema counted = JsonObjectSchema.builder()
                .addProperty("count", new dev.langchain4j.model.chat.request.json.JsonIntegerSchema())
                .addNumberProperty("weight").required("count", "weight").additionalProperties(false).build();
        JsonArraySchema strings = JsonArraySchema.builder().items(new JsonStringSchema()).build();
        JsonObjectSchema title = JsonObjectSchema.builder()
                .addStringProperty("title").addEnumProperty("level", levels).addNumberProperty("weight")
                .required("title", "level", "weight").additionalProperties(false).build();
        JsonObjectSchema role = JsonObjectSchema.builder()
                .addStringProperty("function").addNumberProperty("weight")
                .addProperty("interests", strings)
                .addProperty("industries", JsonArraySchema.builder().items(JsonEnumSchema.builder().enumValues(industries).build()).build())
                .addProperty("titles", JsonArraySchema.builder().items(title).build())
                .required("function", "weight", "interests", "industries", "titles").additionalProperties(false).build();
        JsonObjectSchema booth = JsonObjectSchema.builder()
                .addStringProperty("name").addProperty("categories", strings)
                .required("name", "categories").additionalProperties(false).build();
        JsonObjectSchema company = JsonObjectSchema.builder()
                .addStringProperty("name").addStringProperty("domain")
                .addEnumProperty("industry", industries).addEnumProperty("size", sizes)
                .addEnumProperty("email_pattern", EventProfile.EMAIL_PATTERNS)
                .required("name", "domain", "industry", "size", "email_pattern").additionalProperties(false).build();
        JsonObjectSchema root = JsonObjectSchema.builder()
                .addStringProperty("display_name", "one line describing the event")
                .addProperty("default_dates", JsonObjectSchema.builder().addStringProperty("from").addStringProperty("to")
                        .required("from", "to").additionalProperties(false).build())
                .addProperty("daily_hours", JsonObjectSchema.builder().addStringProperty("open").addStringProperty("close")
                        .required("open", "close").additionalProperties(false).build())
                .addProperty("arrival_curve", JsonArraySchema.builder().items(JsonObjectSchema.builder()
                        .addStringProperty("slot").addNumberProperty("weight").required("slot", "weight")
                        .additionalProperties(false).build()).build())
                .addProperty("day_weights", JsonArraySchema.builder().items(new JsonNumberSchema()).build())
                .addProperty("industries", JsonArraySchema.builder().items(JsonObjectSchema.builder()
                        .addEnumProperty("industry", industries).addNumberProperty("weight").required("industry", "weight")
                        .additionalProperties(false).build()).build())
                .addProperty("size_shares", JsonArraySchema.builder().items(JsonObjectSchema.builder()
                        .addEnumProperty("size", sizes).addNumberProperty("weight").required("size", "weight")
                        .additionalProperties(false).build()).build())
                .addProperty("interests", JsonArraySchema.builder().items(weighted).build())
                .addProperty("interests_per_attendee", JsonArraySchema.builder().items(counted).build())
                .addProperty("roles", JsonArraySchema.builder().items(role).build())
                .addProperty("booths", JsonArraySchema.builder().items(booth).build())
                .addProperty("booths_visited", JsonArraySchema.builder().items(counted).build())
                .addProperty("companies", JsonArraySchema.builder().items(company).build())
                .required("display_name", "default_dates", "daily_hours", "arrival_curve", "day_weights", "industries",
                        "size_shares", "interests", "interests_per_attendee", "roles", "booths", "booths_visited", "companies")
                .additionalProperties(false)
                .build();
        return JsonSchema.builder().name("event_profile").rootElement(root).build();
    }

    /** An event type id from an event's name: {@code "Rural Vet Expo 2027"} gives {@code rural-vet-expo-2027}. */
    public static String slug(String event) {
        String s = RunRegistry.fold(event).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.length() > 48) {
            s = s.substring(0, 48).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "llm-event" : s.toLowerCase(Locale.ROOT);
    }
}
