package dev.attendees.plan;

import java.util.List;
import java.util.Locale;

/**
 * Personal and corporate e-mail addresses: an address is personal when its domain is a free-mail
 * provider's (the generator's personal domains of every locale, and the common others), else
 * corporate.
 */
public final class EmailKinds {
    /** The value of {@link Dimension#EMAIL_KIND} for a free-mail address: {@value}. */
    public static final String PERSONAL = "personal";

    /** The value of {@link Dimension#EMAIL_KIND} for any other address: {@value}. */
    public static final String CORPORATE = "corporate";

    /** The free-mail domains, lower case. */
    public static final List<String> PERSONAL_DOMAINS = List.of(
            "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "hotmail.es", "hotmail.fr",
            "live.com", "msn.com", "yahoo.com", "yahoo.co.uk", "yahoo.es", "yahoo.fr", "yahoo.co.jp", "ymail.com",
            "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "gmx.com",
            "web.de", "t-online.de", "orange.fr", "free.fr", "laposte.net", "sfr.fr", "uol.com.br", "bol.com.br",
            "terra.com.br", "yandex.ru", "yandex.com", "mail.ru", "rambler.ru", "qq.com", "163.com", "126.com",
            "naver.com", "mail.com", "zoho.com", "fastmail.com", "example.com");

    private EmailKinds() {}

    /** {@link #PERSONAL} or {@link #CORPORATE} for an address or a domain. */
    public static String of(String emailOrDomain) {
        String domain = emailOrDomain.substring(emailOrDomain.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return PERSONAL_DOMAINS.contains(domain) ? PERSONAL : CORPORATE;
    }
}
