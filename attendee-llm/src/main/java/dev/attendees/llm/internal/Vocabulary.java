package dev.attendees.llm.internal;

import dev.attendees.CompanySize;
import dev.attendees.Industry;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps what models write onto the contract's lists: {@code "Tech"} is {@link Industry#TECHNOLOGY},
 * {@code "Large Enterprise"} and {@code "10,000+ employees"} are {@link CompanySize#ENTERPRISE}.
 * What cannot be mapped is {@link Optional#empty()}, and the record is asked for again.
 */
public final class Vocabulary {

    /** Webmail domains of personal addresses (the engine's, and common ones models use). */
    public static final Set<String> PERSONAL_DOMAINS = Set.of(
            "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "hotmail.es", "hotmail.fr",
            "live.com", "msn.com", "yahoo.com", "yahoo.co.uk", "yahoo.es", "yahoo.fr", "yahoo.co.jp", "icloud.com",
            "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "t-online.de",
            "orange.fr", "free.fr", "laposte.net", "wanadoo.fr", "uol.com.br", "bol.com.br", "terra.com.br",
            "yandex.ru", "mail.ru", "rambler.ru", "example.com", "fastmail.com", "zoho.com");

    private static final Map<String, Industry> INDUSTRY = new HashMap<>();
    private static final Map<String, CompanySize> SIZE = new HashMap<>();
    private static final Pattern NUMBER = Pattern.compile("(\\d[\\d,. ]*)\\s*(k|m)?", Pattern.CASE_INSENSITIVE);

    static {
        for (Industry i : Industry.values()) {
            INDUSTRY.put(key(i.label()), i);
        }
        industry(Industry.TECHNOLOGY, "tech", "software", "it", "information technology", "saas", "internet",
                "technology services", "cloud", "cloud computing", "hardware", "semiconductors", "computer software",
                "it services", "high tech", "hi-tech", "devtools", "developer tools", "ai", "artificial intelligence",
                "data", "data & analytics", "analytics");
        industry(Industry.CYBERSECURITY, "security", "cyber security", "cyber-security", "infosec", "information security",
                "network security", "computer security");
        industry(Industry.FINANCIAL_SERVICES, "finance", "financial", "fintech", "banking", "bank", "insurance",
                "financial services & insurance", "investment", "investment banking", "capital markets", "payments",
                "asset management", "wealth management", "accounting");
        industry(Industry.HEALTHCARE, "health", "health care", "healthcare & life sciences", "pharma", "pharmaceutical",
                "pharmaceuticals", "life sciences", "biotech", "biotechnology", "medical", "medical devices",
                "hospital", "hospitals", "healthtech", "health tech");
        industry(Industry.RETAIL_AND_E_COMMERCE, "retail", "ecommerce", "e-commerce", "retail and e-commerce",
                "retail & ecommerce", "retail and ecommerce", "consumer goods", "cpg", "consumer", "consumer products",
                "online retail", "marketplace", "food & beverage", "hospitality");
        industry(Industry.MANUFACTURING, "industrial", "industrials", "automotive", "aerospace", "aerospace & defense",
                "electronics", "chemicals", "engineering", "industrial manufacturing");
        industry(Industry.TELECOMMUNICATIONS, "telecom", "telecoms", "telco", "telecommunication", "communications",
                "networking", "wireless", "mobile");
        industry(Industry.MEDIA_AND_ENTERTAINMENT, "media", "entertainment", "media and entertainment", "gaming",
                "games", "video games", "publishing", "broadcasting", "music", "streaming", "advertising", "marketing",
                "adtech");
        industry(Industry.EDUCATION, "edtech", "academia", "academic", "university", "higher education", "research",
                "education & research", "e-learning", "school");
        industry(Industry.GOVERNMENT_AND_PUBLIC_SECTOR, "government", "public sector", "gov", "govt", "defense",
                "defence", "military", "public administration", "government and public sector", "public");
        industry(Industry.ENERGY_AND_UTILITIES, "energy", "utilities", "utility", "oil & gas", "oil and gas",
                "renewables", "renewable energy", "energy and utilities", "power", "cleantech");
        industry(Industry.TRANSPORTATION_AND_LOGISTICS, "transportation", "transport", "logistics", "shipping",
                "airline", "airlines", "aviation", "supply chain", "transportation and logistics", "mobility", "travel");
        industry(Industry.CONSULTING_AND_PROFESSIONAL_SERVICES, "consulting", "professional services", "consultancy",
                "advisory", "consulting and professional services", "it consulting", "legal", "law",
                "management consulting", "services", "system integrator", "systems integration", "outsourcing");
        industry(Industry.NON_PROFIT, "nonprofit", "non profit", "ngo", "charity", "foundation", "not-for-profit",
                "not for profit", "open source foundation");
        industry(Industry.REAL_ESTATE, "property", "properties", "proptech", "construction", "real-estate", "realestate");

        for (CompanySize s : CompanySize.values()) {
            SIZE.put(key(s.label()), s);
        }
        size(CompanySize.STARTUP, "start-up", "start up", "startups", "seed", "early stage", "early-stage", "small startup",
                "micro", "tiny");
        size(CompanySize.SMB, "small business", "small", "sme", "smes", "small and medium", "small & medium",
                "small to medium", "small-medium", "small/medium", "small-to-medium business", "smb/mid", "scale-up",
                "scaleup", "growth");
        size(CompanySize.MID_MARKET, "midmarket", "mid market", "medium", "mid-size", "midsize", "mid size",
                "mid-sized", "medium-sized", "medium sized", "mid", "mid-market company", "medium business");
        size(CompanySize.ENTERPRISE, "large", "large enterprise", "corporation", "corporate", "big", "fortune 500",
                "global", "multinational", "large company", "enterprise company", "very large");
    }

    private Vocabulary() {}

    /** The attendee's corporate domain, or {@code null} for a personal (webmail) address. */
    public static String corporateDomain(dev.attendees.Attendee a) {
        String domain = a.email().substring(a.email().indexOf('@') + 1);
        return PERSONAL_DOMAINS.contains(domain) ? null : domain;
    }

    /** The SHA-256 of text as hex: cache keys and fingerprints. */
    public static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void industry(Industry i, String... words) {
        for (String w : words) {
            INDUSTRY.put(key(w), i);
        }
    }

    private static void size(CompanySize s, String... words) {
        for (String w : words) {
            SIZE.put(key(w), s);
        }
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", " ").strip();
    }

    /** The contract industry a model's text means, if any. */
    public static Optional<Industry> industry(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Industry exact = Industry.find(text.strip()).orElse(null);
        if (exact != null) {
            return Optional.of(exact);
        }
        String k = key(text);
        Industry mapped = INDUSTRY.get(k);
        if (mapped == null && k.endsWith(" industry")) {
            mapped = INDUSTRY.get(k.substring(0, k.length() - " industry".length()));
        }
        return Optional.ofNullable(mapped);
    }

    /** The contract size a model's text means ({@code "Large"}, {@code "51-200 employees"}), if any. */
    public static Optional<CompanySize> size(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        CompanySize exact = CompanySize.find(text.strip()).orElse(null);
        if (exact != null) {
            return Optional.of(exact);
        }
        String k = key(text).replaceAll("\\b(employees|employee|people|staff|company|business)\\b", "").strip();
        CompanySize mapped = SIZE.get(k);
        if (mapped != null) {
            return Optional.of(mapped);
        }
        // A head count or range: the largest number decides ("51-500" is SMB, "10,000+" is Enterprise).
        Matcher m = NUMBER.matcher(text);
        long largest = -1;
        while (m.find()) {
            String digits = m.group(1).replaceAll("[,. ]", "");
            if (digits.isEmpty() || digits.length() > 9) {
                continue;
            }
            long n = Long.parseLong(digits);
            if (m.group(2) != null) {
                n *= m.group(2).equalsIgnoreCase("k") ? 1_000 : 1_000_000;
            }
            largest = Math.max(largest, n);
        }
        if (largest < 1) {
            return Optional.empty();
        }
        boolean plus = text.contains("+") || key(text).contains("more than") || key(text).contains("over");
        for (CompanySize s : CompanySize.values()) {
            if (largest <= s.maxEmployees() && !(plus && largest == s.maxEmployees())) {
                return Optional.of(s);
            }
        }
        return Optional.of(CompanySize.ENTERPRISE);
    }
}
