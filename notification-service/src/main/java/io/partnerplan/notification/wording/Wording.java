package io.partnerplan.notification.wording;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a notification says, rendered in each recipient's language: the wording of its event type from
 * {@code messages/notifications[_<lang>].properties}, with the event's values filled in. A language
 * without a translation, or a key a translation lacks, falls back to English.
 */
public interface Wording {

    /** A title (email subject, inbox title) and body (email text, inbox text). */
    record Text(String title, String body) {
    }

    Text in(String languageTag);

    /**
     * The {@code <key>.title} and {@code .body} of the bundle, with {@code params} filled in; {@code key} is
     * the event type, or a variant of it (e.g. {@code plan.signed-off.vendor}).
     */
    static Wording of(String key, Map<String, ?> params) {
        return tag -> new Text(message(tag, key + ".title", params), message(tag, key + ".body", params));
    }

    /** A word of the bundle (e.g. {@code role.partner-owner}), or {@code otherwise} when it has none. */
    static String word(String languageTag, String key, String otherwise) {
        try {
            return message(languageTag, key, Map.of());
        } catch (IllegalStateException e) {
            return otherwise;
        }
    }

    /** One message of the bundle in the language of {@code languageTag} (null: English). */
    static String message(String languageTag, String key, Map<String, ?> params) {
        ResourceBundle bundle = ResourceBundle.getBundle("messages.notifications",
                languageTag == null ? Locale.ROOT : Locale.forLanguageTag(languageTag),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String template;
        try {
            template = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no wording " + key, e);
        }
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = params.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? bundle.getString("unknown") : value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)}");
}
