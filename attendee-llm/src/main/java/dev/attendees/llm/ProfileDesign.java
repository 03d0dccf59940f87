package dev.attendees.llm;

import dev.attendees.profile.EventProfile;
import java.util.Objects;

/**
 * What {@link LlmProfileDesigner#designFor(String)} gave: the profile to generate from, where it
 * came from, and, when no design was usable and a built-in profile stands in, why. Only a profile
 * the model designed (in this call, or earlier and kept in the cache) is the event's own, worth
 * saving and reusing.
 *
 * <pre>{@code
 * ProfileDesign design = designer.designFor("Rural Veterinary Expo 2027");
 * if (design.byModel()) {
 *     Files.writeString(Path.of("vets.json"), EventProfiles.toJson(design.profile()));
 * } else {
 *     System.err.println("nothing saved: " + design.problem());   // the built-in profile is used
 * }
 * }</pre>
 *
 * @param profile the profile
 * @param origin where it came from
 * @param problem for {@link Origin#BUILT_IN}, why the model gave no usable design, on one line
 *     (for example {@code "no usable profile from openai gpt-4o-mini (the profile openai designed:
 *     the reply had no JSON object)"}); empty otherwise
 */
public record ProfileDesign(EventProfile profile, Origin origin, String problem) {

    /** Where a profile came from. */
    public enum Origin {
        /** The model designed it in this call. */
        MODEL,
        /** The model designed it earlier; it was read from the cache. */
        CACHE,
        /** No design was usable: the built-in profile the event's name suggests stands in. */
        BUILT_IN
    }

    /** Checks that profile and origin are given; a missing problem is empty. */
    public ProfileDesign {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(origin, "origin");
        problem = problem == null ? "" : problem;
    }

    /** Whether a model designed the profile (now or earlier), rather than a built-in one standing in. */
    public boolean byModel() {
        return origin != Origin.BUILT_IN;
    }
}
