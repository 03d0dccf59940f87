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
            assertThat(p.companies()).as("head counts of %s", p.id()).allSatisfy(c -> {
                dev.attendees.CompanySize size = dev.attendees.CompanySize.fromLabel(c.size());
                assertThat(c.employees()).as(c.name()).isNotNull().isBetween((long) size.minEmployees(), (long) size.maxEmployees());
            });
            assertThat(p.roles()).hasSizeGreaterThanOrEqualTo(8);
            assertThat(p.booths()).hasSizeGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void curated_companies_should_have_their_real_order_of_magnitude() {
        java.util.Map<String, Long> employees = new java.util.HashMap<>();
        EventProfiles.builtIns().forEach(p -> p.companies().forEach(c -> employees.put(c.name(), c.employees())));
        assertThat(employees.get("Google")).isBetween(100_000L, 300_000L);
        assertThat(employees.get("Microsoft")).isBetween(150_000L, 300_000L);
        assertThat(employees.get("HashiCorp")).isBetween(1_000L, 5_000L);
        assertThat(employees.get("GitLab")).isBetween(1_000L, 5_000L);
        assertThat(employees.get("Mayo Clinic")).isBetween(50_000L, 150_000L);
        assertThat(employees.get("JPMorgan Chase")).isBetween(200_000L, 400_000L);
    }

    @Test
    void a_profile_without_head_counts_should_get_made_up_ones_inside_each_band(@TempDir Path dir) throws Exception {
        String json = EventProfiles.toJson(EventProfiles.builtIn("cloud-native")).replaceAll(",\\s*\"employees\" : \\d+", "");
        Path file = dir.resolve("no-headcounts.json");
        Files.writeString(file, json);
        EventProfile mine = EventProfiles.load(file);
        assertThat(mine.companies()).allSatisfy(c -> assertThat(c.employees()).isNull());
        java.util.Map<String, Long> perCompany = new java.util.HashMap<>();
        java.util.Map<String, dev.attendees.CompanySize> size = new java.util.HashMap<>();
        AttendeeGenerator.builder().profile(mine).seed(8).build().stream(30_000).forEach(a -> {
            perCompany.merge(a.company(), 1L, Long::sum);
            size.put(a.company(), a.companySize());
        });
        perCompany.forEach((company, n) -> {
            long most = switch (size.get(company)) {
                case STARTUP -> 7;
                case SMB -> 31;
                case MID_MARKET -> 124;
                case ENTERPRISE -> 1_444;
            };
            assertThat(n).as(company).isLessThanOrEqualTo(most);
        });
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

        Files.writeString(file, json.replaceFirst("\"employees\" : \\d+", "\"employees\" : 40"));
        assertThatThrownBy(() -> EventProfiles.load(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file.toString())
                .hasMessageEndingWith("companies[0].employees 40 is outside the Enterprise band (5001 or more employees)");

        Files.writeString(file, json.replaceFirst("\"level\" : \"([^\"]+)\"", "\"level\" : \"$1\", \"sizes\" : [ \"Huge\" ]"));
        assertThatThrownBy(() -> EventProfiles.load(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("roles[0].titles[0].sizes 'Huge' is not a company size of the contract");

        Files.writeString(file, json.replaceFirst("\"level\" : \"([^\"]+)\"", "\"level\" : \"$1\", \"interests\" : { \"Knitting\" : 2 }"));
        assertThatThrownBy(() -> EventProfiles.load(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("roles[0].titles[0].interests.Knitting 'Knitting' is not in interests");

        Files.writeString(file, "{ \"id\": \"x\", ");
        assertThatThrownBy(() -> EventProfiles.load(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not valid JSON");

        assertThatThrownBy(() -> EventProfiles.load(dir.resolve("missing.json"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("profile file not found");
    }
}
