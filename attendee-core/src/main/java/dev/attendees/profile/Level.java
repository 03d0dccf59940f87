package dev.attendees.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.attendees.ConfigurationException;
import java.util.Locale;

/** The seniority of a job title, from {@code junior} to {@code c-level}. */
public enum Level {
    JUNIOR,
    MID,
    SENIOR,
    LEAD,
    MANAGER,
    DIRECTOR,
    VP,
    C_LEVEL;

    /** The profile-file spelling: {@code junior}, ..., {@code c-level}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses the profile-file spelling. */
    @JsonCreator
    public static Level fromId(String id) {
        for (Level level : values()) {
            if (level.id().equals(id)) {
                return level;
            }
        }
        throw new ConfigurationException("unknown level '" + id
                + "'; expected one of junior, mid, senior, lead, manager, director, vp, c-level");
    }
}
