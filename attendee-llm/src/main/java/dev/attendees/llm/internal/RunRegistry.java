package dev.attendees.llm.internal;

import dev.attendees.Attendee;
import dev.attendees.CompanySize;
import dev.attendees.Industry;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a run has accepted so far, shared by every batch: e-mails and name + company pairs (for
 * uniqueness), and each company's one domain, industry and size (for consistency). Thread-safe;
 * {@link #claim} is atomic, so two batches in flight never both accept the same person.
 */
public final class RunRegistry {

    /** What a company is, once it has been seen. */
    public record CompanyFacts(String name, String domain, Industry industry, CompanySize size) {}

    private final Set<String> emails = new HashSet<>();
    private final Set<String> people = new HashSet<>();
    private final Map<String, CompanyFacts> companies = new LinkedHashMap<>();
    private final Map<String, String> domainOwners = new HashMap<>();
    private final Deque<String> recentNames = new ArrayDeque<>();
    private static final int RECENT = 200;

    /** The key of a person: name and company, case and accents folded. */
    public static String personKey(String name, String company) {
        return fold(name) + "|" + fold(company == null ? "" : company);
    }

    static String fold(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** The company as first seen, if it was. */
    public synchronized CompanyFacts company(String name) {
        return companies.get(fold(name));
    }

    /** The company that owns a corporate domain, if any. */
    public synchronized String domainOwner(String domain) {
        return domainOwners.get(domain);
    }

    /**
     * Accepts an attendee if neither its e-mail nor its name + company is taken and its company's
     * domain, industry and size agree with what the run accepted before, and registers its company
     * (the first domain, industry and size seen win).
     *
     * @param corporateDomain the company's domain when the address is corporate, else {@code null}
     * @return whether it was accepted
     */
    public synchronized boolean claim(Attendee a, String corporateDomain) {
        String key = personKey(a.name(), a.company());
        if (emails.contains(a.email()) || people.contains(key)) {
            return false;
        }
        if (a.company() != null) {
            String companyKey = fold(a.company());
            CompanyFacts known = companies.get(companyKey);
            if (known != null && (known.industry() != a.industry() || known.size() != a.companySize())) {
                // A company keeps its first industry and size (the checker repairs towards them, but
                // another batch may have registered the company since, and fallback records are not checked).
                return false;
            }
            if (corporateDomain != null) {
                String owner = domainOwners.get(corporateDomain);
                if (owner != null && !owner.equals(companyKey)) {
                    return false;
                }
                if (known != null && known.domain() != null && !known.domain().equals(corporateDomain)) {
                    return false;
                }
                domainOwners.put(corporateDomain, companyKey);
            }
            if (known == null || known.domain() == null && corporateDomain != null) {
                companies.put(companyKey, new CompanyFacts(a.company(), corporateDomain, a.industry(), a.companySize()));
            }
        }
        emails.add(a.email());
        people.add(key);
        recentNames.addLast(a.name());
        if (recentNames.size() > RECENT) {
            recentNames.removeFirst();
        }
        return true;
    }

    /** Up to {@code max} companies seen so far, the earliest first. */
    public synchronized List<CompanyFacts> companies(int max) {
        List<CompanyFacts> out = new ArrayList<>();
        for (CompanyFacts c : companies.values()) {
            if (out.size() == max) {
                break;
            }
            out.add(c);
        }
        return out;
    }

    /** Up to {@code max} names accepted most recently. */
    public synchronized List<String> recentNames(int max) {
        List<String> all = new ArrayList<>(recentNames);
        return all.subList(Math.max(0, all.size() - max), all.size());
    }

    /** How many attendees were accepted. */
    public synchronized int size() {
        return emails.size();
    }
}
