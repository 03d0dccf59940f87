package dev.attendees.sql.internal;

import dev.attendees.ConfigurationException;
import dev.attendees.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL address as users write it: {@code postgresql://user:pass@host:port/db?params},
 * {@code postgres://...} or {@code jdbc:postgresql://...}. The credentials (user info, or
 * {@code user=} and {@code password=} parameters) move out of the URL, so that the JDBC URL, which
 * pools and drivers log, holds no password; {@link #masked()} is the form for messages. The
 * password is registered with {@link Secrets}, so that no message shows it even on its own.
 *
 * @param jdbcUrl the JDBC URL without credentials
 * @param user the user, or {@code null}
 * @param password the password, or {@code null}
 * @param masked the address for messages, password replaced by {@code ***}
 */
public record PostgresUrl(String jdbcUrl, String user, String password, String masked) {

    /** Whether {@code text} is a PostgreSQL address rather than a file name. */
    public static boolean matches(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        return t.startsWith("postgresql://") || t.startsWith("postgres://") || t.startsWith("jdbc:postgresql://");
    }

    /**
     * Parses an address.
     *
     * @throws ConfigurationException naming what is wrong (never the password)
     */
    public static PostgresUrl parse(String text) {
        String masked = mask(text.trim());
        String raw = text.trim();
        raw = raw.replaceFirst("(?i)^jdbc:", "").replaceFirst("(?i)^postgres(ql)?://", "postgresql://");
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new ConfigurationException("not a PostgreSQL URL: " + masked + " (expected postgresql://user:password@host:5432/database)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new ConfigurationException("the PostgreSQL URL " + masked + " names no host (expected postgresql://user:password@host:5432/database)");
        }
        String path = uri.getRawPath();
        if (path == null || path.length() <= 1) {
            throw new ConfigurationException("the PostgreSQL URL " + masked + " names no database (expected postgresql://user:password@host:5432/database)");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        // user= and password= parameters move out of the URL too: pools log the JDBC URL.
        StringBuilder query = new StringBuilder();
        if (uri.getRawQuery() != null) {
            for (String param : uri.getRawQuery().split("&")) {
                String key = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
                String value = param.contains("=") ? decode(param.substring(param.indexOf('=') + 1)) : "";
                if (key.equalsIgnoreCase("user")) {
                    user = user != null ? user : value;
                } else if (key.equalsIgnoreCase("password")) {
                    password = password != null ? password : value;
                } else if (!param.isEmpty()) {
                    query.append(query.length() == 0 ? "?" : "&").append(param);
                }
            }
        }
        Secrets.register(password);
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
        String jdbc = "jdbc:postgresql://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path + query;
        return new PostgresUrl(jdbc, user, password, masked);
    }

    /**
     * {@code text} with any password in a URL's user info or a {@code password=} parameter replaced
     * by {@code ***}, and every other secret masked: {@link Secrets#mask}.
     */
    public static String mask(String text) {
        return Secrets.mask(text);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return masked;
    }
}
