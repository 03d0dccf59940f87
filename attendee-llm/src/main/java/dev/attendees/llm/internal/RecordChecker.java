package dev.attendees.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attendees.Attendee;
import dev.attendees.CompanySize;
import dev.attendees.GenerationOptions;
import dev.attendees.Industry;
import dev.attendees.profile.EventProfile;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks one record a model wrote against the data contract and the run's options, repairing what
 * has one obvious repair (a synonym of an industry, an upper-case e-mail, a company's known domain,
 * interests given as {@code "A;B"}) and rejecting the rest with a one-line reason. Ids, the event
 * name and the registration time are never the model's: they are assigned here.
 */
public final class RecordChecker {

    /** The outcome for one record: an attendee (with its repairs) or a reason. */
    public record Outcome(Attendee attendee, String corporateDomain, List<String> repairs, String rejection) {
        static Outcome rejected(String reason) {
            return new Outcome(null, null, List.of(), reason);
        }

        /** Whether the record was accepted by the checks (uniqueness is decided later). */
        public boolean ok() {
            return attendee != null;
        }
    }

    private static final Pattern EMAIL = Pattern.compile(
            "[a-z0-9](?:[a-z0-9._%+-]*[a-z0-9])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,}");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*(?:Z|[+-]\\d{2}:?\\d{2})?");
    private static final Set<String> STOP_WORDS = Set.of("inc", "corp", "corporation", "group", "the", "and", "company",
            "co", "ltd", "llc", "gmbh", "ag", "sa", "plc", "holdings", "technologies", "technology", "systems",
            "solutions", "labs", "global", "international", "services", "of", "de", "la", "se", "bv", "nv", "kk");
    private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "ac", "gov", "org", "net", "ne", "or", "edu");
    static final int MAX_TEXT = 120;

    private final GenerationOptions options;
    private final RunRegistry registry;
    private final Map<String, String> interests;
    private final Map<String, String> booths;
    private final Map<String, EventProfile.Company> curated;

    public RecordChecker(GenerationOptions options, RunRegistry registry) {
        this.options = options;
        this.registry = registry;
        this.interests = canonical(options.interests());
        this.booths = canonical(options.booths());
        this.curated = options.profile().companies().stream().collect(Collectors.toMap(
                c -> RunRegistry.fold(c.name()), Function.identity(), (a, b) -> a));
    }

    private static Map<String, String> canonical(List<String> names) {
        return names.stream().collect(Collectors.toMap(n -> RunRegistry.fold(n), Function.identity(), (a, b) -> a));
    }

    /**
     * Checks a record for position {@code index} (id {@code index + 1}).
     *
     * @param createdAt the registration time to give it (the run's, never the model's)
     */
    public Outcome check(JsonNode node, long index, LocalDateTime createdAt) {
        if (node == null || !node.isObject()) {
            return Outcome.rejected("not a JSON object");
        }
        List<String> repairs = new ArrayList<>();
        String name = text(node, "name");
        String email = text(node, "email");
        String company = text(node, "company");
        String title = text(node, "job_title");
        for (String[] field : new String[][] {{"name", name}, {"email", email}, {"company", company}, {"job_title", title}}) {
            if (field[1] == null || field[1].isBlank()) {
                return Outcome.rejected(field[0] + " is missing");
            }
            if (field[1].length() > MAX_TEXT || Escape.hasUnsafe(field[1])) {
                return Outcome.rejected(field[0] + " is too long or has control characters");
            }
        }
        name = name.strip().replaceAll("\\s+", " ");
        if (!name.contains(" ") || !name.codePoints().allMatch(c -> Character.isLetter(c) || c == ' ' || c == '-'
                || c == '\'' || c == '.' || c == '\u2019' || c == '\u30fb')) {
            return Outcome.rejected("name '" + name + "' is not a first and last name");
        }
        company = company.strip().replaceAll("\\s+", " ");
        title = title.strip().replaceAll("\\s+", " ");
        String lower = email.strip().toLowerCase(Locale.ROOT);
        if (!lower.equals(email)) {
            repairs.add("email case");
        }
        email = lower;
        if (!EMAIL.matcher(email).matches() || email.contains("..")) {
            return Outcome.rejected("email '" + email + "' is not a valid address");
        }
        Industry industry = Vocabulary.industry(text(node, "industry")).orElse(null);
        if (industry == null) {
            return Outcome.rejected("industry '" + text(node, "industry") + "' is not on the contract's list");
        }
        if (!industry.label().equals(text(node, "industry"))) {
            repairs.add("industry");
        }
        CompanySize size = Vocabulary.size(text(node, "company_size")).orElse(null);
        if (size == null) {
            return Outcome.rejected("company_size '" + text(node, "company_size") + "' is not on the contract's list");
        }
        if (!size.label().equals(text(node, "company_size"))) {
            repairs.add("company_size");
        }

        // Addresses: personal on a webmail domain, or corporate on the company's one domain.
        int at = email.indexOf('@');
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        boolean personal = Vocabulary.PERSONAL_DOMAINS.contains(domain);
        if (options.undeliverableEmails()) {
            if (personal && !domain.equals("example.com")) {
                domain = "example.com";
                repairs.add("undeliverable domain");
            } else if (!personal && !domain.endsWith(".test")) {
                domain = domain + ".test";
                repairs.add("undeliverable domain");
            }
        }
        RunRegistry.CompanyFacts known = registry.company(company);
        String corporateDomain = null;
        if (!personal) {
            EventProfile.Company profileCompany = curated.get(RunRegistry.fold(company));
            String curated = profileCompany == null ? null : profileCompany.domain();
            if (curated != null && known == null) {
                curated = options.undeliverableEmails() ? curated + ".test" : curated;
                if (!curated.equals(domain)) {
                    domain = curated;
                    repairs.add("company domain");
                }
            }
            if (known != null && known.domain() != null && !known.domain().equals(domain)) {
                domain = known.domain();
                repairs.add("company domain");
            }
            String owner = registry.domainOwner(domain);
            if (owner != null && !owner.equals(RunRegistry.fold(company))) {
                return Outcome.rejected("domain " + domain + " belongs to another company than '" + company + "'");
            }
            if ((known == null || known.domain() == null) && curated == null && !domainFits(domain, company)) {
                return Outcome.rejected("domain " + domain + " does not look like company '" + company + "''s");
            }
            corporateDomain = domain;
        }
        email = local + "@" + domain;
        EventProfile.Company profileCompany = known == null ? curated.get(RunRegistry.fold(company)) : null;
        if (profileCompany != null) {
            // A company of the event's profile keeps the profile's facts, whatever the model says.
            Industry fact = Industry.fromLabel(profileCompany.industry());
            CompanySize factSize = CompanySize.fromLabel(profileCompany.size());
            if (fact != industry) {
                industry = fact;
                repairs.add("company industry");
            }
            if (factSize != size) {
                size = factSize;
                repairs.add("company size");
            }
        }
        if (known != null) {
            if (known.industry() != industry) {
                industry = known.industry();
                repairs.add("company industry");
            }
            if (known.size() != size) {
                size = known.size();
                repairs.add("company size");
            }
            company = known.name();
        }

        LocalDateTime time = time(text(node, "attendance_time"));
        if (time == null) {
            return Outcome.rejected("attendance_time '" + text(node, "attendance_time") + "' is not YYYY-MM-DD HH:MM:SS");
        }
        LocalDate day = time.toLocalDate();
        LocalTime clock = time.toLocalTime();
        if (day.isBefore(options.from()) || day.isAfter(options.to())) {
            return Outcome.rejected("attendance_time " + Attendee.formatTimestamp(time) + " is outside " + options.from()
                    + " .. " + options.to());
        }
        if (clock.isBefore(options.dailyOpen()) || clock.isAfter(options.dailyClose())) {
            return Outcome.rejected("attendance_time " + Attendee.formatTimestamp(time) + " is outside the hours "
                    + options.dailyOpen() + "-" + options.dailyClose());
        }

        List<String> chosen = pick(node.get("product_interests"), interests, repairs, "product_interests");
        if (chosen.isEmpty()) {
            return Outcome.rejected("product_interests has nothing from the catalogue");
        }
        List<String> visited = pick(node.get("booth_visited"), booths, repairs, "booth_visited");
        Attendee attendee = new Attendee(index + 1, name, email, company, options.eventName(), time, title, industry, size,
                chosen, visited, "", createdAt);
        return new Outcome(attendee, corporateDomain, List.copyOf(repairs), null);
    }

    private static List<String> pick(JsonNode node, Map<String, String> allowed, List<String> repairs, String field) {
        List<String> raw = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> raw.add(n.isTextual() ? n.asText() : n.toString()));
        } else if (node != null && node.isTextual()) {
            raw.addAll(List.of(node.asText().split("[;,]")));
            if (!node.asText().isBlank()) {
                repairs.add(field + " as text");
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (String item : raw) {
            String match = allowed.get(RunRegistry.fold(item));
            if (match != null) {
                out.add(match);
            } else if (!item.isBlank()) {
                repairs.add(field + " unknown item");
            }
        }
        return List.copyOf(out);
    }

    static LocalDateTime time(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = TIME.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(m.group(1));
            int h = Integer.parseInt(m.group(2));
            int min = Integer.parseInt(m.group(3));
            int s = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
            return LocalDateTime.of(date, LocalTime.of(h, min, s));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /**
     * Whether a corporate domain plausibly belongs to a company: {@code northwind.io} to Northwind
     * Systems, {@code jpmorganchase.com} to JPMorgan Chase, {@code ibm.com} to International Business
     * Machines.
     */
    public static boolean domainFits(String domain, String company) {
        String d = domain.endsWith(".test") ? domain.substring(0, domain.length() - 5) : domain;
        String[] labels = d.split("\\.");
        if (labels.length < 2) {
            return false;
        }
        int end = labels.length - 1;
        if (end >= 2 && SECOND_LEVEL.contains(labels[end - 1])) {
            end--;
        }
        String folded = RunRegistry.fold(company);
        String condensed = folded.replace(" ", "");
        List<String> words = List.of(folded.split(" "));
        for (int i = 0; i < end; i++) {
            if (labelFits(labels[i].replace("-", ""), condensed, words)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A label fits when the name holds it ({@code telekom}), it holds a word of the name
     * ({@code amazon} in {@code amazonaws}), or it abbreviates the name: its letters appear in the
     * name in order, starting with the name's first letter ({@code jnj}, {@code cdc}, {@code gatech}).
     */
    private static boolean labelFits(String label, String condensed, List<String> words) {
        if (label.isEmpty() || condensed.isEmpty()) {
            return false;
        }
        if (label.length() >= 2 && condensed.contains(label)) {
            return true;
        }
        for (String w : words) {
            if (w.length() >= 3 && !STOP_WORDS.contains(w) && (label.contains(w) || label.length() >= 3 && w.startsWith(label))) {
                return true;
            }
        }
        // An abbreviation starts where a word of the name starts.
        int wordStart = 0;
        for (String w : words) {
            if (!w.isEmpty() && w.charAt(0) == label.charAt(0) && inOrder(label, condensed, wordStart)) {
                return true;
            }
            wordStart += w.length();
        }
        return false;
    }

    private static boolean inOrder(String label, String text, int from) {
        int at = from - 1;
        for (int i = 0; i < label.length(); i++) {
            at = text.indexOf(label.charAt(i), at + 1);
            if (at < 0) {
                return false;
            }
        }
        return true;
    }
}
