package dev.attendees.internal;

import dev.attendees.CompanySize;
import dev.attendees.Industry;

/** One company as the engine uses it: immutable, shared by every attendee who works there. */
final class CompanyInfo {
    /** Curated companies: -1; made-up companies: their global procedural index. */
    final long key;
    final String name;
    final String domain;
    /** The domain under the reserved {@code .test} TLD, for undeliverable addresses. */
    final String safeDomain;
    final Industry industry;
    final CompanySize size;
    final EmailPattern pattern;

    CompanyInfo(long key, String name, String domain, Industry industry, CompanySize size, EmailPattern pattern) {
        this.key = key;
        this.name = name;
        this.domain = domain;
        this.safeDomain = domain + ".test";
        this.industry = industry;
        this.size = size;
        this.pattern = pattern;
    }
}
