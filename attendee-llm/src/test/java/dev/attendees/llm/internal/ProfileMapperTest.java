package dev.attendees.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attendees.ConfigurationException;
import dev.attendees.profile.EventProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProfileMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DESIGN = """
            {"display_name": "Vets", "default_dates": {"from": "2027-03-02", "to": "2027-03-03"},
             "daily_hours": {"open": "8:00", "close": "17:00"},
             "arrival_curve": [{"slot": "8:00", "weight": 5}, {"slot": "09:10", "weight": 3}, {"slot": "22:00", "weight": 9}],
             "day_weights": [1, 0.5],
             "industries": [{"industry": "Health care", "weight": 5}, {"industry": "Agritech", "weight": 2}],
             "size_shares": [{"size": "large", "weight": 2}, {"size": "SMB", "weight": 3}],
             "interests": [{"name": "Livestock Health", "weight": 5}, {"name": "livestock health", "weight": 1}, {"name": "Imaging", "weight": 2}],
             "interests_per_attendee": [{"count": 1, "weight": 2}, {"count": 9, "weight": 1}],
             "roles": [
               {"function": "Clinical", "weight": 3, "interests": ["Livestock Health", "Surgery"], "industries": ["Healthcare"],
                "titles": [{"title": "Veterinarian", "level": "senior", "weight": 5}, {"title": "Vet Tech", "level": "entry", "weight": 2}]},
               {"function": "Practice", "weight": 1, "interests": [], "industries": [],
                "titles": [{"title": "Veterinarian", "level": "manager", "weight": 1}, {"title": "Practice Manager", "level": "manager", "weight": 1}]}],
             "booths": [{"name": "Zoetis", "categories": ["Livestock Health", "Knitting"]}, {"name": "Zoetis", "categories": []}],
             "booths_visited": [{"count": 0, "weight": 1}, {"count": 2, "weight": 3}],
             "companies": [
               {"name": "Zoetis", "domain": "https://www.Zoetis.com/", "industry": "Pharma", "size": "Enterprise", "email_pattern": "first.last"},
               {"name": "Zoetis", "domain": "zoetis2.com", "industry": "Healthcare", "size": "Enterprise", "email_pattern": "flast"},
               {"name": "Bad Co", "domain": "not a domain", "industry": "Healthcare", "size": "SMB", "email_pattern": "flast"}]}
            """;

    @Test
    void should_repair_what_has_one_obvious_repair_and_validate() throws Exception {
        EventProfile p = ProfileMapper.toProfile(JSON.readTree(DESIGN), "vets", "Vet Expo", "test");
        assertThat(p.dailyHours().open()).hasToString("08:00");
        assertThat(p.arrivalCurve()).containsOnlyKeys("08:00", "09:00");
        assertThat(p.industries()).containsOnlyKeys("Healthcare");
        assertThat(p.attendeeShareBySize()).containsOnlyKeys("Enterprise", "SMB");
        assertThat(p.interestNames()).containsExactly("Livestock Health", "Imaging");
        assertThat(p.roles()).hasSize(2);
        assertThat(p.roles().get(0).interests()).containsOnlyKeys("Livestock Health");
        assertThat(p.roles().get(0).titles()).extracting(EventProfile.Title::level).extracting(Enum::name).containsExactly("SENIOR", "JUNIOR");
        assertThat(p.roles().get(1).titles()).extracting(EventProfile.Title::title).containsExactly("Practice Manager");
        assertThat(p.booths()).singleElement().satisfies(b -> assertThat(b.categories()).containsExactly("Livestock Health"));
        assertThat(p.companies()).singleElement().satisfies(c -> {
            assertThat(c.domain()).isEqualTo("zoetis.com");
            assertThat(c.industry()).isEqualTo("Healthcare");
        });
        assertThat(p.interestsPerAttendee()).containsOnlyKeys("1");
    }

    @Test
    void should_drop_names_with_control_or_direction_characters() throws Exception {
        JsonNode hostile = JSON.readTree(DESIGN.replace("\"name\": \"Imaging\"", "\"name\": \"Imag\\u202eing\"")
                .replace("\"title\": \"Practice Manager\"", "\"title\": \"Practice\\u009bManager\""));
        EventProfile p = ProfileMapper.toProfile(hostile, "vets", "Vet Expo", "test");
        assertThat(p.interestNames()).containsExactly("Livestock Health");
        assertThat(p.roles()).hasSize(1);
    }

    @Test
    void should_reject_a_design_without_what_the_engine_needs() throws Exception {
        JsonNode noDates = JSON.readTree(DESIGN.replace("\"2027-03-03\"", "\"soon\""));
        assertThatThrownBy(() -> ProfileMapper.toProfile(noDates, "vets", "Vet Expo", "the design"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("the design: default_dates needs from and to as YYYY-MM-DD, from first");
        com.fasterxml.jackson.databind.node.ObjectNode noRoles = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(DESIGN);
        noRoles.putArray("roles");
        assertThatThrownBy(() -> ProfileMapper.toProfile(noRoles, "vets", "Vet Expo", "the design"))
                .hasMessage("the design: roles is empty");
    }

    @Test
    void should_read_retry_after_as_seconds_or_a_date() {
        assertThat(RetryAfterHttpClient.parseRetryAfter("2")).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryAfterHttpClient.parseRetryAfter("0.5")).isEqualTo(Duration.ofMillis(500));
        assertThat(RetryAfterHttpClient.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(RetryAfterHttpClient.parseRetryAfter("soon")).isNull();
    }
}
