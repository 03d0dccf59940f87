package dev.attendees.internal;

import dev.attendees.profile.EventProfile;
import dev.attendees.profile.Level;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shipped event profiles as the build compiled them: each one in its own table
 * ({@code profiles/ID}), read only when a run uses that event type, and every type's event-name
 * keywords in one small table ({@code event-keywords}), so that inferring the type from an event
 * name reads no profile. The build validates the JSON files before compiling them; a compiled
 * profile equals the one its JSON file gives.
 */
public final class CompiledProfiles {
    private static final String KEYWORDS = "event-keywords";

    private CompiledProfiles() {}

    /** The compiled shipped profile {@code id} (one of {@code EventProfiles.BUILT_IN_IDS}). */
    public static EventProfile read(String id) {
        try (DataInputStream in = TableFile.open(file(id))) {
            return readProfile(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compiled profile " + id, e);
        }
    }

    /** Every shipped type's event-name keywords, by type, in the order the build was given the types. */
    public static Map<String, List<String>> keywords() {
        try (DataInputStream in = TableFile.open(KEYWORDS)) {
            int n = in.readInt();
            Map<String, List<String>> keywords = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                keywords.put(in.readUTF(), List.of(TableFile.readStrings(in)));
            }
            return keywords;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compiled event-name keywords", e);
        }
    }

    /** Writes each profile's table and the keyword table under the class-path folder {@code root} (build time). */
    static void write(Path root, List<EventProfile> profiles) throws IOException {
        for (EventProfile profile : profiles) {
            try (DataOutputStream out = TableFile.create(root, file(profile.id()))) {
                writeProfile(out, profile);
            }
        }
        try (DataOutputStream out = TableFile.create(root, KEYWORDS)) {
            out.writeInt(profiles.size());
            for (EventProfile profile : profiles) {
                out.writeUTF(profile.id());
                TableFile.writeStrings(out, profile.eventNameKeywords());
            }
        }
    }

    private static String file(String id) {
        return "profiles/" + id;
    }

    private static void writeProfile(DataOutputStream out, EventProfile p) throws IOException {
        TableFile.writeOptional(out, p.id());
        TableFile.writeOptional(out, p.displayName());
        TableFile.writeOptional(out, p.defaultEventName());
        TableFile.writeStrings(out, p.eventNameKeywords());
        out.writeLong(p.defaultDates().from().toEpochDay());
        out.writeLong(p.defaultDates().to().toEpochDay());
        out.writeInt(p.dailyHours().open().toSecondOfDay());
        out.writeInt(p.dailyHours().close().toSecondOfDay());
        TableFile.writeWeights(out, p.arrivalCurve());
        writeDoubles(out, p.dayWeights());
        TableFile.writeWeights(out, p.industries());
        TableFile.writeWeights(out, p.attendeeShareBySize());
        out.writeInt(p.interests().size());
        for (EventProfile.Interest i : p.interests()) {
            out.writeUTF(i.name());
            out.writeDouble(i.weight());
        }
        out.writeInt(p.industryInterests().size());
        for (Map.Entry<String, Map<String, Double>> e : p.industryInterests().entrySet()) {
            out.writeUTF(e.getKey());
            TableFile.writeWeights(out, e.getValue());
        }
        TableFile.writeWeights(out, p.interestsPerAttendee());
        out.writeInt(p.roles().size());
        for (EventProfile.Role role : p.roles()) {
            TableFile.writeOptional(out, role.function());
            out.writeDouble(role.weight());
            TableFile.writeWeights(out, role.interests());
            TableFile.writeWeights(out, role.industryBias());
            out.writeInt(role.titles().size());
            for (EventProfile.Title t : role.titles()) {
                out.writeUTF(t.title());
                out.writeUTF(t.level().id());
                out.writeDouble(t.weight());
                TableFile.writeOptional(out, t.office());
                out.writeBoolean(t.sizes() != null);
                if (t.sizes() != null) {
                    TableFile.writeStrings(out, t.sizes());
                }
                out.writeBoolean(t.interests() != null);
                if (t.interests() != null) {
                    TableFile.writeWeights(out, t.interests());
                }
            }
        }
        out.writeInt(p.booths().size());
        for (EventProfile.Booth b : p.booths()) {
            out.writeUTF(b.name());
            TableFile.writeStrings(out, b.categories());
        }
        TableFile.writeWeights(out, p.boothsVisited());
        out.writeInt(p.companies().size());
        for (EventProfile.Company c : p.companies()) {
            out.writeUTF(c.name());
            out.writeUTF(c.domain());
            out.writeUTF(c.industry());
            out.writeUTF(c.size());
            TableFile.writeOptional(out, c.emailPattern());
            out.writeLong(c.employees() != null ? c.employees() : -1);
        }
    }

    private static EventProfile readProfile(DataInputStream in) throws IOException {
        String id = TableFile.readOptional(in);
        String displayName = TableFile.readOptional(in);
        String defaultEventName = TableFile.readOptional(in);
        List<String> keywords = List.of(TableFile.readStrings(in));
        EventProfile.DateRange dates = new EventProfile.DateRange(LocalDate.ofEpochDay(in.readLong()),
                LocalDate.ofEpochDay(in.readLong()));
        EventProfile.DailyHours hours = new EventProfile.DailyHours(LocalTime.ofSecondOfDay(in.readInt()),
                LocalTime.ofSecondOfDay(in.readInt()));
        Map<String, Double> arrivalCurve = TableFile.readWeights(in);
        List<Double> dayWeights = readDoubles(in);
        Map<String, Double> industries = TableFile.readWeights(in);
        Map<String, Double> shareBySize = TableFile.readWeights(in);
        List<EventProfile.Interest> interests = new ArrayList<>();
        for (int n = in.readInt(), i = 0; i < n; i++) {
            interests.add(new EventProfile.Interest(in.readUTF(), in.readDouble()));
        }
        Map<String, Map<String, Double>> industryInterests = new LinkedHashMap<>();
        for (int n = in.readInt(), i = 0; i < n; i++) {
            industryInterests.put(in.readUTF(), TableFile.readWeights(in));
        }
        Map<String, Double> interestsPerAttendee = TableFile.readWeights(in);
        List<EventProfile.Role> roles = new ArrayList<>();
        for (int n = in.readInt(), r = 0; r < n; r++) {
            String function = TableFile.readOptional(in);
            double weight = in.readDouble();
            Map<String, Double> roleInterests = TableFile.readWeights(in);
            Map<String, Double> industryBias = TableFile.readWeights(in);
            List<EventProfile.Title> titles = new ArrayList<>();
            for (int m = in.readInt(), t = 0; t < m; t++) {
                String title = in.readUTF();
                Level level = Level.fromId(in.readUTF());
                double titleWeight = in.readDouble();
                String office = TableFile.readOptional(in);
                List<String> sizes = in.readBoolean() ? List.of(TableFile.readStrings(in)) : null;
                Map<String, Double> titleInterests = in.readBoolean() ? TableFile.readWeights(in) : null;
                titles.add(new EventProfile.Title(title, level, titleWeight, office, sizes, titleInterests));
            }
            roles.add(new EventProfile.Role(function, weight, roleInterests, industryBias, titles));
        }
        List<EventProfile.Booth> booths = new ArrayList<>();
        for (int n = in.readInt(), b = 0; b < n; b++) {
            booths.add(new EventProfile.Booth(in.readUTF(), List.of(TableFile.readStrings(in))));
        }
        Map<String, Double> boothsVisited = TableFile.readWeights(in);
        List<EventProfile.Company> companies = new ArrayList<>();
        for (int n = in.readInt(), c = 0; c < n; c++) {
            String name = in.readUTF();
            String domain = in.readUTF();
            String industry = in.readUTF();
            String size = in.readUTF();
            String pattern = TableFile.readOptional(in);
            long employees = in.readLong();
            companies.add(new EventProfile.Company(name, domain, industry, size, pattern, employees < 0 ? null : employees));
        }
        return new EventProfile(id, displayName, defaultEventName, keywords, dates, hours, arrivalCurve, dayWeights,
                industries, shareBySize, interests, industryInterests, interestsPerAttendee, roles, booths, boothsVisited,
                companies);
    }

    private static void writeDoubles(DataOutputStream out, List<Double> values) throws IOException {
        out.writeInt(values.size());
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static List<Double> readDoubles(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<Double> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(in.readDouble());
        }
        return values;
    }
}
