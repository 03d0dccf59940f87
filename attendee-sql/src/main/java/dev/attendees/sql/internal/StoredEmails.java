package dev.attendees.sql.internal;

import dev.attendees.store.UniqueEmails;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/** The addresses a store holds, read into {@link UniqueEmails} before a bulk write keeps addresses unique. */
final class StoredEmails {
    private StoredEmails() {}

    /**
     * Takes every stored address into {@code emails}; addresses stored with capitals (by other
     * tools or users' own SQL) also go into {@code mixedCase} when given, lower case to id.
     */
    static void takeInto(Connection c, UniqueEmails emails, Map<String, Long> mixedCase) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT email, id FROM attendees")) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String email = rs.getString(1);
                    emails.take(email);
                    if (mixedCase != null) {
                        String lower = email.toLowerCase(Locale.ROOT);
                        if (!lower.equals(email)) {
                            mixedCase.putIfAbsent(lower, rs.getLong(2));
                        }
                    }
                }
            }
        }
    }
}
