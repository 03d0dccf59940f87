package com.example.badges;

import dev.attendees.Attendee;
import dev.attendees.CompanySize;
import java.util.Locale;

/** The application under test: prints a conference badge for an attendee. */
public final class BadgePrinter {

    /** The badge's text: name, title and company, and a ribbon for C-level and enterprise guests. */
    public String print(Attendee attendee) {
        StringBuilder badge = new StringBuilder();
        badge.append(attendee.name().toUpperCase(Locale.ROOT)).append('\n');
        if (attendee.jobTitle() != null) {
            badge.append(attendee.jobTitle()).append('\n');
        }
        if (attendee.company() != null) {
            badge.append(attendee.company()).append('\n');
        }
        if (isVip(attendee)) {
            badge.append("[VIP]\n");
        }
        return badge.toString();
    }

    /** Chief officers and anyone from an enterprise of more than 5,000 people. */
    public boolean isVip(Attendee attendee) {
        String title = attendee.jobTitle() == null ? "" : attendee.jobTitle();
        return title.startsWith("Chief ") || title.startsWith("CTO") || title.startsWith("CEO") || title.startsWith("CISO")
                || attendee.companySize() == CompanySize.ENTERPRISE;
    }
}
