package com.example.badges;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.CompanySize;
import dev.attendees.junit.AttendeeSource;
import dev.attendees.junit.FakeAttendees;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** How a project of someone else's uses the extension: one annotation, nothing else. */
@FakeAttendees(event = "RSA Conference 2026", undeliverableEmails = true)
class BadgePrinterTest {
    private final BadgePrinter printer = new BadgePrinter();

    @FakeAttendees(count = 50)
    List<Attendee> crowd;

    @Test
    void prints_every_name_in_capitals(@FakeAttendees(count = 1_000) List<Attendee> attendees) {
        assertThat(attendees).hasSize(1_000).allSatisfy(a ->
                assertThat(printer.print(a)).startsWith(a.name().toUpperCase(java.util.Locale.ROOT) + "\n"));
    }

    @Test
    void marks_enterprise_guests_as_vip() {
        assertThat(crowd).hasSize(50).filteredOn(a -> a.companySize() == CompanySize.ENTERPRISE)
                .isNotEmpty().allSatisfy(a -> assertThat(printer.print(a)).endsWith("[VIP]\n"));
    }

    @Test
    void never_uses_a_deliverable_address(@FakeAttendees(count = 200) Stream<Attendee> attendees) {
        assertThat(attendees).allSatisfy(a -> assertThat(a.email()).matches(".*@(example\\.com|[a-z0-9.-]+\\.test)"));
    }

    @Test
    void a_pinned_seed_gives_the_same_attendees_as_the_library(@FakeAttendees(seed = 42, count = 5) List<Attendee> attendees) {
        assertThat(attendees).isEqualTo(AttendeeGenerator.builder().event("RSA Conference 2026").undeliverableEmails(true)
                .seed(42).build().generate(5));
    }

    @ParameterizedTest
    @AttendeeSource(count = 20, seed = 7)
    void prints_a_badge_for_each_attendee(Attendee attendee) {
        assertThat(printer.print(attendee)).contains(attendee.name().toUpperCase(java.util.Locale.ROOT));
    }

    @Nested
    @FakeAttendees(eventType = "fintech", event = "Money20/20 Europe")
    class AtAFintechEvent {
        @Test
        void sees_fintech_people(@FakeAttendees AttendeeGenerator generator, @FakeAttendees Attendee attendee) {
            assertThat(generator.eventType()).isEqualTo("fintech");
            assertThat(attendee.eventName()).isEqualTo("Money20/20 Europe");
        }
    }
}
