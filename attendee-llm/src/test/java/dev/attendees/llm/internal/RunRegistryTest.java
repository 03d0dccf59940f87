package dev.attendees.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.Attendee;
import dev.attendees.CompanySize;
import dev.attendees.Industry;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunRegistryTest {
    private final RunRegistry registry = new RunRegistry();

    private static Attendee person(String name, String email, String company, Industry industry, CompanySize size) {
        LocalDateTime t = LocalDateTime.of(2026, 11, 10, 9, 0);
        return new Attendee(1, name, email, company, "KubeCon", t, "SRE", industry, size, List.of("Kubernetes"), List.of(), "",
                t.minusDays(7));
    }

    @Test
    void should_accept_more_people_of_a_company_with_its_facts() {
        assertThat(registry.claim(person("Ana Ruiz", "ana@acme.io", "Acme", Industry.TECHNOLOGY, CompanySize.SMB), "acme.io")).isTrue();
        assertThat(registry.claim(person("Bo Li", "bo.li@gmail.com", "ACME", Industry.TECHNOLOGY, CompanySize.SMB), null)).isTrue();
        assertThat(registry.claim(person("Cy Ode", "cy@acme.io", "Acme", Industry.TECHNOLOGY, CompanySize.SMB), "acme.io")).isTrue();
    }

    @Test
    void should_refuse_a_company_whose_industry_or_size_differs_from_what_the_run_accepted() {
        // A company keeps one industry and one size everywhere it appears (the data contract), also for
        // a record checked before another batch registered the company, or an offline fallback record.
        assertThat(registry.claim(person("Ana Ruiz", "ana@acme.io", "Acme", Industry.TECHNOLOGY, CompanySize.SMB), "acme.io")).isTrue();

        assertThat(registry.claim(person("Bo Li", "bo@acme.io", "Acme", Industry.HEALTHCARE, CompanySize.SMB), "acme.io")).isFalse();
        assertThat(registry.claim(person("Cy Ode", "cy.ode@gmail.com", "Acme", Industry.TECHNOLOGY, CompanySize.ENTERPRISE), null))
                .isFalse();
        assertThat(registry.company("Acme")).isEqualTo(new RunRegistry.CompanyFacts("Acme", "acme.io", Industry.TECHNOLOGY,
                CompanySize.SMB));
        assertThat(registry.size()).isEqualTo(1);
    }
}
