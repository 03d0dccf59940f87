package dev.attendees.sql.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL scripts shipped as resources under {@code dev/attendees/sql/}. A statement ends with
 * {@code ;} at the end of an unindented line, so trigger and function bodies (indented) may
 * hold semicolons of their own.
 */
public final class Scripts {
    private Scripts() {}

    /** The text of a resource under {@code dev/attendees/sql/}, or {@code null} when there is none. */
    public static String read(String resource) {
        try (InputStream in = Scripts.class.getResourceAsStream("/dev/attendees/sql/" + resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statements of a script, without their final semicolons. */
    public static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\r?\n")) {
            String trimmed = line.strip();
            if (current.length() == 0 && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
                continue;
            }
            current.append(line).append('\n');
            boolean unindented = !line.isEmpty() && !Character.isWhitespace(line.charAt(0));
            if (unindented && !trimmed.startsWith("--") && trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    /** Runs every statement of a resource script on {@code connection}. */
    public static void run(Connection connection, String resource) throws SQLException {
        String script = read(resource);
        if (script == null) {
            throw new IllegalStateException("missing resource dev/attendees/sql/" + resource);
        }
        try (Statement s = connection.createStatement()) {
            for (String sql : statements(script)) {
                s.execute(sql);
            }
        }
    }
}
