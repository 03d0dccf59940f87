package dev.attendees.profile;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.attendees.CompanySize;
import dev.attendees.ConfigurationException;
import dev.attendees.Industry;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An event type as data: everything the offline engine needs to make believable attendees of one
 * kind of event. Immutable once {@link #validate(String) validated}; the schema and the meaning of
 * every field are in {@code docs/profiles.md}.
 *
 * <pre>{@code
 * EventProfile security = EventProfiles.builtIn("security");
 * security.interests().get(0).name();   // "Threat Intelligence"
 * }</pre>
 *
 * @param id the event type's name, e.g. {@code cloud-native}
 * @param displayName one line describing the event type
 * @param defaultEventName the event name used when none is given
 * @param eventNameKeywords lower-case words or phrases that identify the type in an event name
 * @param defaultDates the event's days when none are given
 * @param dailyHours when doors open and close
 * @param arrivalCurve relative arrival weight per 30-minute slot, keyed by slot start {@code HH:MM}
 * @param dayWeights relative attendance per day; the last value repeats
 * @param industries relative weight of each industry label among made-up companies
 * @param attendeeShareBySize share of attendees by company size label
 * @param interests the product-interest catalogue
 * @param industryInterests per industry label, multipliers on interests
 * @param interestsPerAttendee weights of how many interests an attendee has, keyed by count
 * @param roles job functions with their titles
 * @param booths exhibitor booths
 * @param boothsVisited weights of how many booths an attendee visits, keyed by count
 * @param companies the curated company pool, in order of prominence within each size
 */
public record EventProfile(
        String id,
        String displayName,
        String defaultEventName,
        List<String> eventNameKeywords,
        DateRange defaultDates,
        DailyHours dailyHours,
        Map<String, Double> arrivalCurve,
        List<Double> dayWeights,
        Map<String, Double> industries,
        Map<String, Double> attendeeShareBySize,
        List<Interest> interests,
        Map<String, Map<String, Double>> industryInterests,
        Map<String, Double> interestsPerAttendee,
        List<Role> roles,
        List<Booth> booths,
        Map<String, Double> boothsVisited,
        List<Company> companies) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern SLOT = Pattern.compile("([01][0-9]|2[0-3]):(00|30)");

    public EventProfile {
        eventNameKeywords = eventNameKeywords == null ? List.of() : List.copyOf(eventNameKeywords);
        arrivalCurve = arrivalCurve == null ? Map.of() : unmodifiable(arrivalCurve);
        dayWeights = dayWeights == null || dayWeights.isEmpty() ? List.of(1.0) : List.copyOf(dayWeights);
        industries = industries == null ? Map.of() : unmodifiable(industries);
        attendeeShareBySize = attendeeShareBySize == null ? Map.of() : unmodifiable(attendeeShareBySize);
        interests = interests == null ? List.of() : List.copyOf(interests);
        industryInterests = industryInterests == null ? Map.of() : unmodifiable(industryInterests);
        interestsPerAttendee = interestsPerAttendee == null ? Map.of("1", 1.0) : unmodifiable(interestsPerAttendee);
        roles = roles == null ? List.of() : List.copyOf(roles);
        booths = booths == null ? List.of() : List.copyOf(booths);
        boothsVisited = boothsVisited == null ? Map.of("0", 1.0) : unmodifiable(boothsVisited);
        companies = companies == null ? List.of() : List.copyOf(companies);
    }

    /** Sorted by key: the engine's tables then never depend on the order a caller's map iterates in. */
    private static <V> Map<String, V> unmodifiable(Map<String, V> map) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(new java.util.TreeMap<>(map)));
    }

    /** The event's days, inclusive. */
    public record DateRange(
            @JsonFormat(pattern = "yyyy-MM-dd") LocalDate from, @JsonFormat(pattern = "yyyy-MM-dd") LocalDate to) {}

    /** Doors open and close, local time. */
    public record DailyHours(@JsonFormat(pattern = "HH:mm") LocalTime open, @JsonFormat(pattern = "HH:mm") LocalTime close) {}

    /** A catalogue category and its base popularity. */
    public record Interest(String name, double weight) {}

    /** A job function: its weight, interest multipliers, industry bias and titles. */
    public record Role(
            String function,
            double weight,
            Map<String, Double> interests,
            Map<String, Double> industryBias,
            List<Title> titles) {
        public Role {
            interests = interests == null ? Map.of() : Map.copyOf(interests);
            industryBias = industryBias == null ? Map.of() : Map.copyOf(industryBias);
            titles = titles == null ? List.of() : List.copyOf(titles);
        }
    }

    /**
     * A job title with its seniority and weight inside its role.
     *
     * @param office optional; makes the title a chief office that at most one person of a company
     *     holds ({@code CEO}, {@code CTO}, {@code CISO} ...). Titles naming the same office share it
     *     ({@code CTO} and {@code Co-Founder & CTO}). Without it, a {@code c-level} title is an office
     *     named by its title, founder words left out and abbreviations spelled out
     * @param sizes optional; the company sizes that have this title. Without it, every size, except
     *     for titles naming a founder: startups and SMBs
     * @param interests optional; multipliers on interests for this title, on top of its role's.
     *     Without it, an interest the title names ({@code Security} in {@code Cloud Security Engineer})
     *     is pulled as if it were listed with {@code 3}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Title(String title, Level level, double weight, String office, List<String> sizes,
            Map<String, Double> interests) {
        public Title {
            sizes = sizes == null ? null : List.copyOf(sizes);
            interests = interests == null ? null : unmodifiable(interests);
        }

        /** A title that is no office, for every size, pulling the interests it names. */
        public Title(String title, Level level, double weight) {
            this(title, level, weight, null, null, null);
        }
    }

    /** An exhibitor booth and the interest categories it shows. */
    public record Booth(String name, List<String> categories) {
        public Booth {
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    /**
     * A curated company.
     *
     * @param emailPattern optional; one of {@code first.last}, {@code first_last}, {@code first-last},
     *     {@code last.first}, {@code flast}, {@code f.last}, {@code lastf}
     * @param employees optional; the head count, inside the size's band. It caps how many people the
     *     company sends to one event ({@code docs/profiles.md}). Without it, one is made up inside the
     *     band
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Company(String name, String domain, String industry, String size, String emailPattern,
            Long employees) {

        /** A company whose head count is made up inside its size's band. */
        public Company(String name, String domain, String industry, String size, String emailPattern) {
            this(name, domain, industry, size, emailPattern, null);
        }
    }

    /**
     * Checks every field and every cross-reference.
     *
     * @param source the file or resource name used in messages
     * @return this profile
     * @throws ConfigurationException naming the source and the field that is wrong
     */
    public EventProfile validate(String source) {
        require(source, id != null && ID.matcher(id).matches(), "id", "must be lower-case words joined by '-', was '" + id + "'");
        require(source, defaultEventName != null && !defaultEventName.isBlank(), "defaultEventName", "is missing");
        require(source, defaultDates != null && defaultDates.from() != null && defaultDates.to() != null,
                "defaultDates", "needs from and to");
        require(source, !defaultDates.to().isBefore(defaultDates.from()), "defaultDates", "to is before from");
        require(source, dailyHours != null && dailyHours.open() != null && dailyHours.close() != null,
                "dailyHours", "needs open and close");
        require(source, dailyHours.open().isBefore(dailyHours.close()), "dailyHours", "open must be before close");
        arrivalCurve.forEach((slot, w) -> {
            require(source, SLOT.matcher(slot).matches(), "arrivalCurve." + slot, "keys are HH:00 or HH:30");
            positiveOrZero(source, "arrivalCurve." + slot, w);
        });
        require(source, arrivalCurve.values().stream().anyMatch(w -> w > 0), "arrivalCurve", "needs a positive weight");
        for (int i = 0; i < dayWeights.size(); i++) {
            positiveOrZero(source, "dayWeights[" + i + "]", dayWeights.get(i));
        }
        require(source, dayWeights.get(0) > 0, "dayWeights[0]", "must be positive");
        require(source, industries.values().stream().anyMatch(w -> w != null && w > 0), "industries", "needs a positive weight");
        industries.forEach((label, w) -> {
            require(source, Industry.find(label).isPresent(), "industries." + label,
                    "is not an industry of the contract (" + Industry.labels() + ")");
            positiveOrZero(source, "industries." + label, w);
        });
        require(source, attendeeShareBySize.values().stream().anyMatch(w -> w != null && w > 0), "attendeeShareBySize",
                "needs a positive weight");
        attendeeShareBySize.forEach((label, w) -> {
            require(source, CompanySize.find(label).isPresent(), "attendeeShareBySize." + label,
                    "is not a company size of the contract (" + CompanySize.labels() + ")");
            positiveOrZero(source, "attendeeShareBySize." + label, w);
        });
        require(source, !interests.isEmpty(), "interests", "is empty");
        require(source, interests.size() <= 64, "interests", "has more than 64 categories");
        Set<String> interestNames = new HashSet<>();
        for (int i = 0; i < interests.size(); i++) {
            Interest interest = interests.get(i);
            String field = "interests[" + i + "]";
            require(source, interest.name() != null && !interest.name().isBlank(), field + ".name", "is missing");
            require(source, !interest.name().contains(";"), field + ".name", "must not contain ';'");
            require(source, interestNames.add(interest.name()), field + ".name", "'" + interest.name() + "' is listed twice");
            require(source, interest.weight() > 0, field + ".weight", "must be positive");
        }
        industryInterests.forEach((label, multipliers) -> {
            require(source, Industry.find(label).isPresent(), "industryInterests." + label, "is not an industry of the contract");
            multipliers.forEach((name, m) -> {
                knownInterest(source, "industryInterests." + label + "." + name, name, interestNames);
                positive(source, "industryInterests." + label + "." + name, m);
            });
        });
        counts(source, "interestsPerAttendee", interestsPerAttendee, 1);
        require(source, !roles.isEmpty(), "roles", "is empty");
        Set<String> titles = new HashSet<>();
        for (int r = 0; r < roles.size(); r++) {
            Role role = roles.get(r);
            String field = "roles[" + r + "]";
            require(source, role.function() != null && !role.function().isBlank(), field + ".function", "is missing");
            require(source, role.weight() > 0, field + ".weight", "must be positive");
            role.interests().forEach((name, m) -> {
                knownInterest(source, field + ".interests." + name, name, interestNames);
                positive(source, field + ".interests." + name, m);
            });
            role.industryBias().forEach((label, m) -> {
                require(source, Industry.find(label).isPresent(), field + ".industryBias." + label, "is not an industry of the contract");
                positive(source, field + ".industryBias." + label, m);
            });
            require(source, !role.titles().isEmpty(), field + ".titles", "is empty");
            for (int t = 0; t < role.titles().size(); t++) {
                Title title = role.titles().get(t);
                String tf = field + ".titles[" + t + "]";
                require(source, title.title() != null && !title.title().isBlank(), tf + ".title", "is missing");
                require(source, titles.add(title.title()), tf + ".title", "'" + title.title() + "' is listed twice");
                require(source, title.level() != null, tf + ".level", "is missing");
                require(source, title.weight() > 0, tf + ".weight", "must be positive");
                require(source, title.office() == null || !title.office().isBlank(), tf + ".office", "must not be empty");
                if (title.sizes() != null) {
                    require(source, !title.sizes().isEmpty(), tf + ".sizes", "must name at least one size (or be left out)");
                    for (String size : title.sizes()) {
                        require(source, CompanySize.find(size).isPresent(), tf + ".sizes",
                                "'" + size + "' is not a company size of the contract (" + CompanySize.labels() + ")");
                    }
                }
                if (title.interests() != null) {
                    title.interests().forEach((name, m) -> {
                        knownInterest(source, tf + ".interests." + name, name, interestNames);
                        positive(source, tf + ".interests." + name, m);
                    });
                }
            }
        }
        require(source, roles.stream().flatMap(r -> r.titles().stream())
                .anyMatch(t -> t.office() == null && t.level() != Level.C_LEVEL), "roles",
                "needs at least one title that is no chief office (a level below c-level, no office)");
        Set<String> boothNames = new HashSet<>();
        for (int b = 0; b < booths.size(); b++) {
            Booth booth = booths.get(b);
            String field = "booths[" + b + "]";
            require(source, booth.name() != null && !booth.name().isBlank(), field + ".name", "is missing");
            require(source, !booth.name().contains(";"), field + ".name", "must not contain ';'");
            require(source, boothNames.add(booth.name()), field + ".name", "'" + booth.name() + "' is listed twice");
            for (String category : booth.categories()) {
                knownInterest(source, field + ".categories", category, interestNames);
            }
        }
        counts(source, "boothsVisited", boothsVisited, 0);
        Set<String> companyNames = new HashSet<>();
        Set<String> domains = new HashSet<>();
        for (int c = 0; c < companies.size(); c++) {
            Company company = companies.get(c);
            String field = "companies[" + c + "]";
            require(source, company.name() != null && !company.name().isBlank(), field + ".name", "is missing");
            require(source, companyNames.add(company.name()), field + ".name", "'" + company.name() + "' is listed twice");
            require(source, company.domain() != null && DOMAIN.matcher(company.domain()).matches(), field + ".domain",
                    "'" + company.domain() + "' is not a lower-case domain name");
            require(source, domains.add(company.domain()), field + ".domain", "'" + company.domain() + "' is listed twice");
            require(source, Industry.find(company.industry()).isPresent(), field + ".industry",
                    "'" + company.industry() + "' is not an industry of the contract");
            require(source, CompanySize.find(company.size()).isPresent(), field + ".size",
                    "'" + company.size() + "' is not a company size of the contract");
            require(source, company.emailPattern() == null || EMAIL_PATTERNS.contains(company.emailPattern()),
                    field + ".emailPattern", "'" + company.emailPattern() + "' is not one of " + EMAIL_PATTERNS);
            if (company.employees() != null) {
                CompanySize size = CompanySize.fromLabel(company.size());
                require(source, company.employees() >= size.minEmployees() && company.employees() <= size.maxEmployees(),
                        field + ".employees", company.employees() + " is outside the " + size.label() + " band ("
                                + size.minEmployees() + (size.maxEmployees() == Integer.MAX_VALUE ? " or more"
                                        : " to " + size.maxEmployees()) + " employees)");
            }
        }
        return this;
    }

    /** The corporate e-mail patterns a company may use. */
    public static final List<String> EMAIL_PATTERNS =
            List.of("first.last", "first_last", "first-last", "last.first", "flast", "f.last", "lastf");

    /** The interest catalogue's names, in profile order. */
    public List<String> interestNames() {
        List<String> names = new java.util.ArrayList<>(interests.size());
        for (Interest interest : interests) {
            names.add(interest.name());
        }
        return java.util.Collections.unmodifiableList(names);
    }

    private static void counts(String source, String field, Map<String, Double> weights, int min) {
        require(source, weights.values().stream().anyMatch(w -> w != null && w > 0), field, "needs a positive weight");
        weights.forEach((k, w) -> {
            int n;
            try {
                n = Integer.parseInt(k);
            } catch (NumberFormatException e) {
                throw new ConfigurationException(source + ": " + field + "." + k + " must be a whole number");
            }
            require(source, n >= min && n <= 50, field + "." + k, "must be between " + min + " and 50");
            positiveOrZero(source, field + "." + k, w);
        });
    }

    private static void knownInterest(String source, String field, String name, Set<String> interestNames) {
        require(source, interestNames.contains(name), field, "'" + name + "' is not in interests");
    }

    private static void positive(String source, String field, Double w) {
        require(source, w != null && w > 0 && Double.isFinite(w), field, "must be a number > 0, was " + w);
    }

    private static void positiveOrZero(String source, String field, Double w) {
        require(source, w != null && w >= 0 && Double.isFinite(w), field, "must be a number >= 0, was " + w);
    }

    private static void require(String source, boolean ok, String field, String problem) {
        if (!ok) {
            throw new ConfigurationException(source + ": " + field + " " + problem);
        }
    }
}
