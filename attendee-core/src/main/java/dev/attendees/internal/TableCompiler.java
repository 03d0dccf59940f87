package dev.attendees.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attendees.Industry;
import dev.attendees.profile.EventProfile;
import dev.attendees.profile.EventProfiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Build time only: compiles the engine's source data into the tables runs read
 * ({@link TableFile}), so that a run parses no JSON or YAML and touches only what it uses. Maven
 * runs it at the {@code process-classes} phase with the class-path folder as its argument:
 *
 * <ul>
 *   <li>{@code names/locales.json} → {@code locales}; for every Datafaker name resource it names,
 *       Datafaker's YAML, romanized and deduplicated ({@link DatafakerNames}) → {@code names/ROOT};
 *       for each of those alone and for the international mix's, the names whose concatenation
 *       is ambiguous in that crowd → {@code crowds/ROOT+...};
 *   <li>{@code names/company-names.json} → {@code company-names};
 *   <li>each shipped profile's JSON file, validated → {@code profiles/ID}, and their event-name
 *       keywords → {@code event-keywords}.
 * </ul>
 *
 * <pre>
 * java -cp attendee-core/target/classes:... dev.attendees.internal.TableCompiler attendee-core/target/classes
 * </pre>
 */
public final class TableCompiler {
    private static final String NAMES = "/dev/attendees/names/";

    private TableCompiler() {}

    /** {@code args[0]}: the class-path folder to write the tables into (and to read the JSON sources from). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: TableCompiler CLASSES_DIR");
        }
        compile(Path.of(args[0]));
    }

    /** Writes every table under the class-path folder {@code classes}. */
    static void compile(Path classes) throws IOException {
        compileLocales(classes);
        companyWords(DatafakerNames.readJson(NAMES + "company-names.json")).write(classes);
        List<EventProfile> profiles = new ArrayList<>();
        for (String id : EventProfiles.BUILT_IN_IDS) {
            String resource = "dev/attendees/profiles/" + id + ".json";
            try (InputStream in = TableCompiler.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("shipped profile missing from the class path: " + resource);
                }
                profiles.add(EventProfiles.read(in, resource));
            }
        }
        CompiledProfiles.write(classes, profiles);
    }

    private static void compileLocales(Path classes) throws IOException {
        JsonNode config = DatafakerNames.readJson(NAMES + "locales.json");
        List<Locales.Spec> specs = new ArrayList<>();
        Map<String, String> compiled = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = config.path("locales").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode spec = e.getValue();
            String resource = spec.path("resource").asText();
            // The resource's root key names its compiled tables; locales of one resource share them.
            String key = spec.path("root").asText();
            String romaji = spec.hasNonNull("romaji") ? spec.path("romaji").asText() : null;
            String known = compiled.putIfAbsent(key, resource);
            if (known == null) {
                DatafakerNames.read(resource, key, romaji).write(classes, key);
            } else if (!known.equals(resource)) {
                throw new IllegalStateException("locales.json: root " + key + " belongs to two resources, " + known
                        + " and " + resource);
            }
            specs.add(new Locales.Spec(e.getKey(), key, spec.path("familyFirst").asBoolean(),
                    weights(spec.path("personalDomains"))));
        }
        Map<String, Double> international = weights(config.path(Locales.INTERNATIONAL));
        Locales.write(classes, specs, international);
        // The crowds most runs have: one locale's names, or the international mix's.
        for (String key : compiled.keySet()) {
            Locales.writeAmbiguity(classes, List.of(key));
        }
        List<String> tags = new ArrayList<>();
        for (Locales.Spec spec : specs) {
            if (international.containsKey(spec.tag())) {
                tags.add(spec.tag());
            }
        }
        Locales.writeAmbiguity(classes, Locales.namesKeys(tags));
    }

    private static CompanyWords companyWords(JsonNode vocabulary) {
        Map<Industry, String[]> suffixes = new EnumMap<>(Industry.class);
        Map<Industry, String[]> tlds = new EnumMap<>(Industry.class);
        for (Industry industry : Industry.values()) {
            suffixes.put(industry, strings(vocabulary.path("suffixes").path(industry.label())));
            tlds.put(industry, strings(vocabulary.path("tlds").path(industry.label())));
        }
        return new CompanyWords(strings(vocabulary.path("prefixes")), strings(vocabulary.path("roots")),
                strings(vocabulary.path("qualifiers")), suffixes, tlds);
    }

    private static Map<String, Double> weights(JsonNode object) {
        Map<String, Double> weights = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> weights.put(e.getKey(), e.getValue().asDouble()));
        return weights;
    }

    private static String[] strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out.toArray(new String[0]);
    }
}
