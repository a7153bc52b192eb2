package io.partnerplan.plan.person;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.security.Roles;

/**
 * Who a verified token says its bearer is (OIDC standard claims {@code name}, {@code email},
 * {@code locale}, {@code zoneinfo} besides {@code sub} and {@code org}). A claim that is absent or not
 * well formed is left out (null), so it does not overwrite what the directory knows.
 * <p>
 * The claims come from {@link Caller} (the verified token's payload, read once per request), not from
 * smallrye-jwt's {@code getClaim}: that looks {@code name} up in the standard claims enum, which has no
 * such entry, and throws and catches an exception for it on every request that passes the directory filter.
 */
public record TokenPerson(String subject, UUID organisationId, String name, String email, String locale, String timeZone) {

    static final int MAX_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    /**
     * The person behind the caller's token: none without a token, for a machine client (integration) or
     * for a token without organisation.
     */
    public static Optional<TokenPerson> of(Caller caller) {
        Optional<String> subject = caller.claim("sub");
        Optional<UUID> organisation = caller.organisation();
        if (subject.isEmpty() || organisation.isEmpty() || caller.hasRole(Roles.INTEGRATION)) {
            return Optional.empty();
        }
        return Optional.of(new TokenPerson(subject.get(), organisation.get(), text(caller, "name"),
                matching(text(caller, "email"), EMAIL), locale(text(caller, "locale")), zone(text(caller, "zoneinfo"))));
    }

    /** The name shown for a person the directory meets for the first time. */
    String displayNameOrFallback() {
        return name != null ? name : email != null ? email : subject;
    }

    private static String text(Caller caller, String claim) {
        String text = caller.claim(claim).orElse(null);
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH || text.chars().anyMatch(Character::isISOControl)) {
            return null;
        }
        return text.strip();
    }

    private static String matching(String value, Pattern pattern) {
        return value != null && pattern.matcher(value).matches() ? value : null;
    }

    private static String locale(String value) {
        String tag = matching(value == null ? null : value.replace('_', '-'), LOCALE);
        return tag != null && !Locale.forLanguageTag(tag).getLanguage().isEmpty() ? tag : null;
    }

    private static String zone(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZoneId.of(value).getId();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
