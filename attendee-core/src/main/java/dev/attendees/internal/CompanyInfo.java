package dev.attendees.internal;

import dev.attendees.CompanySize;
import dev.attendees.Industry;

/** One company as the engine uses it: immutable, shared by every attendee who works there. */
final class CompanyInfo {
    /** Curated companies: -1; made-up companies: their key (generation, rank and size). */
    final long key;
    final String name;
    final String domain;
    /** The domain under the reserved {@code .test} TLD, for undeliverable addresses. */
    final String safeDomain;
    final Industry industry;
    final CompanySize size;
    final EmailPattern pattern;
    /** The head count of a curated company; 0 for a made-up one, whose head count is drawn when asked. */
    private final long employees;
    /** The most people this company can send in any run: its rank's seats over its generation. */
    final long span;
    /** Which of the company's people hold its chief offices. */
    final Titles.Holders offices;

    CompanyInfo(long key, String name, String domain, Industry industry, CompanySize size, EmailPattern pattern,
            long employees, long span, Titles.Holders offices) {
        this.key = key;
        this.name = name;
        this.domain = domain;
        this.safeDomain = domain + ".test";
        this.industry = industry;
        this.size = size;
        this.pattern = pattern;
        this.employees = employees;
        this.span = span;
        this.offices = offices;
    }

    /**
     * The head count, inside the size's band and large enough for the company's span. A made-up
     * company's is drawn from its key here, not when it is made: no attendee field depends on it.
     */
    long employees() {
        if (employees > 0) {
            return employees;
        }
        return Headcount.draw(size, Mix.unit(Mix.hash(key, 0xE4E4L)), (int) Math.min(Integer.MAX_VALUE, span));
    }

    /** The most people this company sends to one event. */
    int limit() {
        return Headcount.limit(employees());
    }
}
