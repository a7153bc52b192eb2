package io.partnerplan.plan.person;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.partnerplan.platform.security.Roles;

/**
 * Who a verified token says its bearer is (OIDC standard claims {@code name}, {@code email},
 * {@code locale}, {@code zoneinfo} besides {@code sub} and {@code org}). A claim that is absent or not
 * well formed is left out (null), so it does not overwrite what the directory knows.
 */
public record TokenPerson(String subject, UUID organisationId, String name, String email, String locale, String timeZone) {

    static final int MAX_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    /** The person behind {@code token}: none for a machine client (integration) or a token without organisation. */
    public static Optional<TokenPerson> of(JsonWebToken token, Optional<UUID> organisation) {
        if (token == null || token.getRawToken() == null || token.getSubject() == null || organisation.isEmpty()
                || token.getGroups() != null && token.getGroups().contains(Roles.INTEGRATION)) {
            return Optional.empty();
        }
        return Optional.of(new TokenPerson(token.getSubject(), organisation.get(), text(token, "name"),
                matching(text(token, "email"), EMAIL), locale(text(token, "locale")), zone(text(token, "zoneinfo"))));
    }

    /** The name shown for a person the directory meets for the first time. */
    String displayNameOrFallback() {
        return name != null ? name : email != null ? email : subject;
    }

    private static String text(JsonWebToken token, String claim) {
        Object value = token.getClaim(claim);
        if (value == null) {
            return null;
        }
        String text = value instanceof jakarta.json.JsonString s ? s.getString() : value instanceof String s ? s : null;
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
