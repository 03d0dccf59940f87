package dev.attendees.internal;

import dev.attendees.Industry;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The words made-up companies are named from ({@code names/company-names.json}, compiled at build
 * time into the table {@code company-names}): name prefixes and roots ({@code North} + {@code wind}),
 * qualifiers ({@code Data}, {@code Cloud}), and per industry the suffixes ({@code Systems}) and
 * top-level domains a company takes. An industry the file leaves out has none here.
 */
record CompanyWords(String[] prefixes, String[] roots, String[] qualifiers, Map<Industry, String[]> suffixes,
        Map<Industry, String[]> tlds) {

    private static final String TABLE = "company-names";

    /** The compiled words. */
    static CompanyWords read() {
        try (DataInputStream in = TableFile.open(TABLE)) {
            String[] prefixes = TableFile.readStrings(in);
            String[] roots = TableFile.readStrings(in);
            String[] qualifiers = TableFile.readStrings(in);
            Map<Industry, String[]> suffixes = new EnumMap<>(Industry.class);
            Map<Industry, String[]> tlds = new EnumMap<>(Industry.class);
            for (Industry industry : Industry.values()) {
                suffixes.put(industry, TableFile.readStrings(in));
                tlds.put(industry, TableFile.readStrings(in));
            }
            return new CompanyWords(prefixes, roots, qualifiers, suffixes, tlds);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compiled company-name table", e);
        }
    }

    /** Writes the table under the class-path folder {@code root} (build time). */
    void write(Path root) throws IOException {
        try (DataOutputStream out = TableFile.create(root, TABLE)) {
            TableFile.writeStrings(out, prefixes);
            TableFile.writeStrings(out, roots);
            TableFile.writeStrings(out, qualifiers);
            for (Industry industry : Industry.values()) {
                TableFile.writeStrings(out, suffixes.getOrDefault(industry, new String[0]));
                TableFile.writeStrings(out, tlds.getOrDefault(industry, new String[0]));
            }
        }
    }
}
