package dev.attendees.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.CompanySize;
import dev.attendees.GenerationOptions;
import dev.attendees.Industry;
import dev.attendees.profile.EventProfile;
import dev.attendees.profile.EventProfiles;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordCheckerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final GenerationOptions options = AttendeeGenerator.builder().event("KubeCon").seed(1).build().options();
    private final RunRegistry registry = new RunRegistry();
    private final RecordChecker checker = new RecordChecker(options, registry);
    private final LocalDateTime created = LocalDateTime.of(2026, 10, 1, 9, 0);

    private ObjectNode record() {
        ObjectNode r = JSON.createObjectNode();
        r.put("name", "Ana Ruiz").put("email", "ana.ruiz@google.com").put("company", "Google").put("job_title", "SRE")
                .put("industry", "Technology").put("company_size", "Enterprise").put("attendance_time", "2026-11-10 09:15:00");
        r.putArray("product_interests").add("Kubernetes");
        r.putArray("booth_visited").add("Docker");
        return r;
    }

    @Test
    void should_accept_a_good_record_and_assign_id_event_and_registration_time() {
        RecordChecker.Outcome o = checker.check(record(), 41, created);
        assertThat(o.ok()).isTrue();
        Attendee a = o.attendee();
        assertThat(a.id()).isEqualTo(42);
        assertThat(a.eventName()).isEqualTo("KubeCon");
        assertThat(a.createdAt()).isEqualTo(created);
        assertThat(o.corporateDomain()).isEqualTo("google.com");
        assertThat(o.repairs()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Tech|Technology", "FinTech|Financial Services", "health care|Healthcare", "E-Commerce|Retail & E-commerce",
        "Telco|Telecommunications", "Public Sector|Government & Public Sector", "Oil & Gas|Energy & Utilities",
        "Professional Services|Consulting & Professional Services", "NGO|Non-profit", "Cyber Security|Cybersecurity"})
    void should_map_industry_synonyms_onto_the_contract_list(String said, String label) {
        assertThat(Vocabulary.industry(said)).contains(Industry.find(label).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "start-up|Startup", "Large Enterprise|Enterprise", "51-200 employees|SMB", "1,001-5,000|Mid-Market",
        "10,000+ employees|Enterprise", "5000+|Enterprise", "mid-size|Mid-Market", "SME|SMB", "20|Startup"})
    void should_map_size_words_and_head_counts_onto_the_contract_list(String said, String label) {
        assertThat(Vocabulary.size(said)).contains(CompanySize.find(label).orElseThrow());
    }

    @Test
    void should_reject_what_maps_onto_nothing() {
        assertThat(Vocabulary.industry("Interplanetary Mining")).isEmpty();
        assertThat(Vocabulary.size("huge-ish")).isEmpty();
        assertThat(checker.check(record().put("industry", "Other"), 0, created).rejection())
                .isEqualTo("industry 'Other' is not on the contract's list");
    }

    @Test
    void should_repair_case_synonyms_and_interests_given_as_text() {
        ObjectNode r = record().put("email", "Ana.Ruiz@Google.com").put("industry", "tech").put("company_size", "large");
        r.put("product_interests", "kubernetes; docker; Knitting");
        RecordChecker.Outcome o = checker.check(r, 0, created);
        assertThat(o.ok()).isTrue();
        assertThat(o.attendee().email()).isEqualTo("ana.ruiz@google.com");
        assertThat(o.attendee().industry()).isEqualTo(Industry.TECHNOLOGY);
        assertThat(o.attendee().productInterests()).containsExactly("Kubernetes", "Docker");
        assertThat(o.repairs()).contains("email case", "industry", "company_size", "product_interests as text",
                "product_interests unknown item");
    }

    @Test
    void should_keep_one_domain_industry_and_size_per_company() {
        Attendee first = checker.check(record(), 0, created).attendee();
        assertThat(registry.claim(first, "google.com")).isTrue();
        ObjectNode other = record().put("name", "Bo Lee").put("email", "bo.lee@google.co.uk").put("industry", "Media")
                .put("company_size", "SMB");
        RecordChecker.Outcome o = checker.check(other, 1, created);
        assertThat(o.attendee().email()).isEqualTo("bo.lee@google.com");
        assertThat(o.attendee().industry()).isEqualTo(Industry.TECHNOLOGY);
        assertThat(o.attendee().companySize()).isEqualTo(CompanySize.ENTERPRISE);
        assertThat(o.repairs()).contains("company domain", "company industry", "company size");
        ObjectNode thief = record().put("name", "Cy Wu").put("company", "Globex").put("email", "cy.wu@google.com");
        assertThat(checker.check(thief, 2, created).rejection()).isEqualTo("domain google.com belongs to another company than 'Globex'");
    }

    @Test
    void should_reject_a_duplicate_email_or_person() {
        Attendee first = checker.check(record(), 0, created).attendee();
        assertThat(registry.claim(first, "google.com")).isTrue();
        Attendee sameEmail = checker.check(record().put("name", "Other Person"), 1, created).attendee();
        assertThat(registry.claim(sameEmail, "google.com")).isFalse();
        Attendee samePerson = checker.check(record().put("email", "aruiz@google.com").put("name", "ana  RUIZ"), 1, created).attendee();
        assertThat(registry.claim(samePerson, "google.com")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "email|ana ruiz@google.com|email 'ana ruiz@google.com' is not a valid address",
        "email|ana@@google.com|email 'ana@@google.com' is not a valid address",
        "attendance_time|2026-11-09 09:00:00|attendance_time 2026-11-09 09:00:00 is outside 2026-11-10 .. 2026-11-12",
        "attendance_time|2026-11-10 23:10:00|attendance_time 2026-11-10 23:10:00 is outside the hours 08:00-18:00",
        "attendance_time|next Tuesday|attendance_time 'next Tuesday' is not YYYY-MM-DD HH:MM:SS",
        "name|Cher|name 'Cher' is not a first and last name",
        "company_size|huge-ish|company_size 'huge-ish' is not on the contract's list",
        "company|Initrode Widgets|domain google.com does not look like company 'Initrode Widgets''s"})
    void should_reject_with_a_reason_naming_the_field(String field, String value, String reason) {
        assertThat(checker.check(record().put(field, value), 0, created).rejection()).isEqualTo(reason);
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> hostileText() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("company", "Acme\u009b2J"),        // C1: an 8-bit CSI, moves a terminal's cursor
                org.junit.jupiter.params.provider.Arguments.of("company", "Acme\u0085Corp"),      // C1: next line
                org.junit.jupiter.params.provider.Arguments.of("job_title", "Engineer\u202eRTS"), // right-to-left override: shown reversed
                org.junit.jupiter.params.provider.Arguments.of("job_title", "SRE\u2066x\u2069"),  // bidi isolate
                org.junit.jupiter.params.provider.Arguments.of("company", "Acme\u2028Corp"),      // line separator
                org.junit.jupiter.params.provider.Arguments.of("job_title", "SRE\u001b[2J"));     // C0 escape
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("hostileText")
    void should_reject_control_and_direction_characters_in_text_fields(String field, String value) {
        assertThat(checker.check(record().put(field, value), 0, created).rejection())
                .isEqualTo(field + " is too long or has control characters");
    }

    @Test
    void should_accept_iso_times_and_drop_their_zone() {
        assertThat(RecordChecker.time("2026-11-10T09:15:30Z")).isEqualTo(LocalDateTime.of(2026, 11, 10, 9, 15, 30));
        assertThat(RecordChecker.time("2026-11-10 9:15")).isEqualTo(LocalDateTime.of(2026, 11, 10, 9, 15));
    }

    @Test
    void should_give_a_known_company_its_known_domain() {
        RecordChecker.Outcome o = checker.check(record().put("email", "ana.ruiz@google.de"), 0, created);
        assertThat(o.attendee().email()).isEqualTo("ana.ruiz@google.com");
        assertThat(o.repairs()).contains("company domain");
    }

    @Test
    void should_give_a_company_of_the_profile_its_profiles_industry_and_size() {
        RecordChecker.Outcome o = checker.check(record().put("industry", "Retail & E-commerce").put("company_size", "SMB"), 0, created);
        assertThat(o.ok()).isTrue();
        assertThat(o.attendee().industry()).isEqualTo(dev.attendees.Industry.TECHNOLOGY);
        assertThat(o.attendee().companySize()).isEqualTo(dev.attendees.CompanySize.ENTERPRISE);
        assertThat(o.repairs()).contains("company industry", "company size");
    }

    @Test
    void every_made_up_company_should_fit_its_own_domain() {
        List<String> misfits = new java.util.ArrayList<>();
        for (EventProfile p : EventProfiles.builtIns()) {
            java.util.Set<String> curated = new java.util.HashSet<>();
            p.companies().forEach(c -> curated.add(c.name()));
            List<Attendee> crowd = AttendeeGenerator.builder().eventType(p.id()).seed(9).locale("international").build().generate(3000);
            for (Attendee a : crowd) {
                String domain = a.email().substring(a.email().indexOf('@') + 1);
                if (!Vocabulary.PERSONAL_DOMAINS.contains(domain) && !curated.contains(a.company())) {
                    if (!RecordChecker.domainFits(domain, a.company())) {
                        misfits.add(a.company() + " " + domain);
                    }
                }
            }
        }
        assertThat(misfits).isEmpty();
        assertThat(RecordChecker.domainFits("ibm.com", "International Business Machines")).isTrue();
        assertThat(RecordChecker.domainFits("dhs.gov", "U.S. Department of Homeland Security")).isTrue();
        assertThat(RecordChecker.domainFits("europol.europa.eu", "Europol")).isTrue();
        assertThat(RecordChecker.domainFits("jnj.com", "Johnson & Johnson")).isTrue();
        assertThat(RecordChecker.domainFits("google.com", "Initech")).isFalse();
    }

    @Test
    void should_escape_model_text_before_it_is_shown() {
        assertThat(Escape.oneLine("evil\n\u001b[2Jname")).isEqualTo("evil\\u000a\\u001b[2Jname");
        assertThat(Escape.oneLine("x".repeat(400))).hasSize(303).endsWith("...");
    }
}
