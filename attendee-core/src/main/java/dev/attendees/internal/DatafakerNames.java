package dev.attendees.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Build time only: reads the first and last names of one of Datafaker's locale YAML files into
 * {@link NameTables} (never through Datafaker's expression engine), with their ASCII forms
 * ({@link Romanizer}, or a romaji table for Japanese), deduplicated by those forms, gender
 * balanced where the data is split by gender. {@link TableCompiler} compiles the result into the
 * class path, so that runs read neither YAML nor Datafaker.
 */
final class DatafakerNames {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatafakerNames() {}

    /**
     * The tables of Datafaker's name resource {@code resource} (a YAML file of Datafaker's jar) under
     * the key {@code root}, romanized with the table {@code romajiResource} of ours when not null.
     */
    static NameTables read(String resource, String root, String romajiResource) {
        JsonNode names = readYaml(resource).path(root).path("faker").path("name");
        if (names.isMissingNode()) {
            throw new IllegalStateException("no names under " + root + ".faker.name in Datafaker's " + resource);
        }
        String language = root.contains("-") ? root.substring(0, root.indexOf('-')) : root;
        Map<String, String> firstRomaji = Map.of();
        Map<String, String> lastRomaji = Map.of();
        if (romajiResource != null) {
            JsonNode romaji = readJson("/dev/attendees/names/" + romajiResource);
            firstRomaji = toMap(romaji.path("first_name"));
            lastRomaji = toMap(romaji.path("last_name"));
        }
        List<String> male = list(names, "male_first_name");
        List<String> femaleNames = list(names, "female_first_name");
        List<String[]> firsts = new ArrayList<>();
        List<Boolean> female = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (!male.isEmpty() && !femaleNames.isEmpty()) {
            int n = Math.min(male.size(), femaleNames.size());
            List<String> m = spread(male, n);
            List<String> w = spread(femaleNames, n);
            for (int i = 0; i < n; i++) {
                addName(firsts, female, seen, m.get(i), false, language, firstRomaji);
                addName(firsts, female, seen, w.get(i), true, language, firstRomaji);
            }
        } else {
            for (String name : list(names, "first_name")) {
                addName(firsts, female, seen, name, false, language, firstRomaji);
            }
        }
        List<String> maleLast = list(names, "male_last_name");
        List<String> femaleLast = list(names, "female_last_name");
        boolean gendered = !maleLast.isEmpty() && maleLast.size() == femaleLast.size();
        if (!gendered) {
            maleLast = list(names, "last_name");
            femaleLast = maleLast;
        }
        List<String[]> lastsMale = new ArrayList<>();
        List<String[]> lastsFemale = new ArrayList<>();
        Set<String> seenMale = new HashSet<>();
        Set<String> seenFemale = new HashSet<>();
        for (int i = 0; i < maleLast.size(); i++) {
            String dm = maleLast.get(i).strip();
            String df = femaleLast.get(i).strip();
            if (dm.matches(".*\\p{IsHan}.*")) {
                dm = dm.replaceAll("\\s+", "");
                df = df.replaceAll("\\s+", "");
            }
            String am = ascii(dm, language, lastRomaji);
            String af = ascii(df, language, lastRomaji);
            if (am.length() < 2 || af.length() < 2 || seenMale.contains(am) || seenFemale.contains(af)) {
                continue;
            }
            seenMale.add(am);
            seenFemale.add(af);
            lastsMale.add(new String[] {dm, am});
            lastsFemale.add(new String[] {df, af});
        }
        return NameTables.of(resource, firsts, female, lastsMale, lastsFemale);
    }

    private static void addName(List<String[]> firsts, List<Boolean> female, Set<String> seen, String name,
            boolean isFemale, String language, Map<String, String> romaji) {
        String ascii = ascii(name.strip(), language, romaji);
        // Datafaker's data has the odd stray space inside a CJK name ("未 来").
        String display = name.strip().matches(".*\\p{IsHan}.*") ? name.replaceAll("\\s+", "") : name.strip();
        if (ascii.length() >= 2 && seen.add(ascii)) {
            firsts.add(new String[] {display, ascii});
            female.add(isFemale);
        }
    }

    private static String ascii(String display, String language, Map<String, String> romaji) {
        if (!romaji.isEmpty()) {
            String r = romaji.get(display);
            return r == null ? "" : Romanizer.ascii(r, language);
        }
        return Romanizer.ascii(display, language);
    }

    /** {@code n} items spread evenly over {@code list}, keeping its order. */
    private static List<String> spread(List<String> list, int n) {
        if (list.size() == n) {
            return list;
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(list.get((int) ((long) i * list.size() / n)));
        }
        return out;
    }

    private static List<String> list(JsonNode names, String key) {
        return list(names, key, 0);
    }

    private static List<String> list(JsonNode names, String key, int depth) {
        JsonNode node = names.path(key);
        List<String> out = new ArrayList<>();
        if (!node.isArray() || depth > 3) {
            return out;
        }
        for (JsonNode item : node) {
            String text = item.asText();
            if (text.startsWith("#{") && text.endsWith("}")) {
                String ref = text.substring(2, text.length() - 1);
                out.addAll(list(names, ref.contains(".") ? ref.substring(ref.lastIndexOf('.') + 1) : ref, depth + 1));
            } else if (!text.contains("#{")) {
                out.add(text);
            }
        }
        return out;
    }


    private static JsonNode readYaml(String resource) {
        try (InputStream in = net.datafaker.Faker.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("Datafaker resource not found: " + resource);
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Datafaker's " + resource, e);
        }
    }

    static JsonNode readJson(String resource) {
        try (InputStream in = DatafakerNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource not found: " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static Map<String, String> toMap(JsonNode node) {
        Map<String, String> map = new HashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
