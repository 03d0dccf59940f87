package dev.attendees.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.AttendeeGenerator;
import dev.attendees.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventProfilesTest {

    @Test
    void every_shipped_profile_should_be_valid_and_rich() {
        for (EventProfile p : EventProfiles.builtIns()) {
            assertThat(p.companies()).as("companies of %s", p.id()).hasSizeGreaterThanOrEqualTo(240);
            for (String size : new String[] {"Startup", "SMB", "Mid-Market", "Enterprise"}) {
                assertThat(p.companies().stream().filter(c -> c.size().equals(size)))
                        .as("%s companies of %s", size, p.id()).hasSizeGreaterThanOrEqualTo(60);
            }
            assertThat(p.roles()).hasSizeGreaterThanOrEqualTo(8);
            assertThat(p.booths()).hasSizeGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void the_default_catalogue_should_have_the_contract_categories() {
        assertThat(EventProfiles.builtIn("cloud-native").interestNames())
                .contains("Kubernetes", "Docker", "Serverless", "Observability", "Security", "AI/ML", "Databases", "CI/CD");
    }

    @Test
    void should_infer_types_from_well_known_event_names() {
        assertThat(EventProfiles.inferId("KubeCon + CloudNativeCon Europe")).contains("cloud-native");
        assertThat(EventProfiles.inferId("RSA Conference 2026")).contains("security");
        assertThat(EventProfiles.inferId("Black Hat USA")).contains("security");
        assertThat(EventProfiles.inferId("NeurIPS 2026")).contains("ai-ml");
        assertThat(EventProfiles.inferId("Snowflake Summit")).contains("data-analytics");
        assertThat(EventProfiles.inferId("Money20/20 USA")).contains("fintech");
        assertThat(EventProfiles.inferId("HIMSS Global Health Conference")).contains("healthcare-it");
        assertThat(EventProfiles.inferId("Grandma's birthday")).isEmpty();
    }

    @Test
    void a_users_profile_file_should_round_trip_and_drive_the_generator(@TempDir Path dir) throws Exception {
        EventProfile security = EventProfiles.builtIn("security");
        Path file = dir.resolve("mine.json");
        Files.writeString(file, EventProfiles.toJson(security).replace("\"id\" : \"security\"", "\"id\" : \"my-event\""));
        EventProfile mine = EventProfiles.load(file);
        assertThat(mine.id()).isEqualTo("my-event");
        assertThat(mine.companies()).isEqualTo(security.companies());
        assertThat(AttendeeGenerator.builder().profile(file).seed(1).build().generate(10)).hasSize(10);
    }

    @Test
    void a_yaml_profile_file_should_load_like_its_json_twin(@TempDir Path dir) throws Exception {
        EventProfile fintech = EventProfiles.builtIn("fintech");
        Path file = dir.resolve("fintech.yaml");
        Files.writeString(file, EventProfiles.toYaml(fintech));
        EventProfile loaded = EventProfiles.load(file);
        assertThat(loaded).isEqualTo(fintech);
        assertThat(AttendeeGenerator.builder().profile(file).seed(3).build().generate(50))
                .isEqualTo(AttendeeGenerator.builder().eventType("fintech").seed(3).build().generate(50));

        Path broken = dir.resolve("broken.yml");
        Files.writeString(broken, "id: 'unterminated\nroles: x");
        assertThatThrownBy(() -> EventProfiles.load(broken)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(broken.toString()).hasMessageContaining("not valid YAML");
    }

    @Test
    void a_bad_profile_should_name_the_file_and_the_field(@TempDir Path dir) throws Exception {
        String json = EventProfiles.toJson(EventProfiles.builtIn("fintech"));
        Path file = dir.resolve("bad.json");

        Files.writeString(file, json.replaceFirst("\"industry\" : \"[^\"]+\"", "\"industry\" : \"Banking\""));
        assertThatThrownBy(() -> EventProfiles.load(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("companies[0].industry 'Banking' is not an industry");

        Files.writeString(file, json.replaceFirst("\"level\" : \"[^\"]+\"", "\"level\" : \"emperor\""));
        assertThatThrownBy(() -> EventProfiles.load(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("roles[0].titles[0].level")
                .hasMessageContaining("unknown level 'emperor'");

        Files.writeString(file, "{ \"id\": \"x\", ");
        assertThatThrownBy(() -> EventProfiles.load(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not valid JSON");

        assertThatThrownBy(() -> EventProfiles.load(dir.resolve("missing.json"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("profile file not found");
    }
}
