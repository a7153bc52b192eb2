package io.partnerplan.notification.wording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.partnerplan.notification.email.EmailMessages;
import io.partnerplan.notification.routing.DefaultRouting;
import io.partnerplan.platform.security.Roles;
import io.quarkus.qute.i18n.Message;

/**
 * Every message in every language the service speaks: a translation that lacks a key, has one English
 * does not, or names other {placeholders} fails the build, so no member gets half their mail in English.
 * The languages are the translation files there are (notifications_de.properties → German).
 */
class WordingLocalesTest {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");

    @Test
    void everyNotificationMessageIsInEveryLanguageWithTheSamePlaceholders() throws IOException {
        Map<String, String> english = load("notifications.properties");
        Set<String> languages = languages("notifications");
        assertFalse(languages.isEmpty(), "no translations found in " + MESSAGES.toAbsolutePath());
        for (String language : languages) {
            Map<String, String> translated = load("notifications_" + language + ".properties");
            assertEquals(english.keySet(), translated.keySet(), "keys of notifications_" + language + ".properties");
            english.forEach((key, text) -> assertEquals(placeholders(text), placeholders(translated.get(key)),
                    "placeholders of " + key + " in " + language));
        }
    }

    @Test
    void everyEmailWordIsInEveryLanguageAndEveryLanguageHasBoth() throws IOException {
        Set<String> english = Arrays.stream(EmailMessages.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Message.class)).map(java.lang.reflect.Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(languages("notifications"), languages("email"), "languages of notifications and of email words");
        for (String language : languages("email")) {
            assertEquals(english, load("email_" + language + ".properties").keySet(), "keys of email_" + language + ".properties");
        }
    }

    @Test
    void everyNotificationTheServiceSendsHasItsWording() throws IOException {
        Set<String> keys = load("notifications.properties").keySet();
        Set<String> sent = new TreeSet<>(DefaultRouting.eventTypes());
        sent.addAll(Set.of("plan.created", "plan.proposed", "plan.signed-off.vendor", "plan.signed-off.partner",
                "plan.agreed", "member.added", "action.overdue", "review.due", "review.overdue"));
        for (String type : sent) {
            assertTrue(keys.contains(type + ".title") && keys.contains(type + ".body"), "wording of " + type);
        }
        for (String role : DefaultRouting.PLAN_ROLES) {
            assertTrue(keys.contains("role." + role), "the word for role " + role);
        }
        assertTrue(keys.contains("role." + Roles.PARTNER_OWNER));
        // In German, a translated message really is German (not a copy of the English one left behind).
        assertEquals("Review morgen fällig: FY27",
                Wording.message("de", "review.due.tomorrow.title", Map.of("plan", "FY27")));
    }

    private static Set<String> languages(String bundle) throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(bundle + "_") && n.endsWith(".properties"))
                    .map(n -> n.substring(bundle.length() + 1, n.length() - ".properties".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Map<String, String> load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(MESSAGES.resolve(file));
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> out = new TreeMap<>();
        properties.forEach((k, v) -> out.put((String) k, (String) v));
        return out;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = Wording.PARAM.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
