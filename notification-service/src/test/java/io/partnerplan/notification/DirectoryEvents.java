package io.partnerplan.notification;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The data of plan-service's person.upserted, for tests that feed the consumer a person of the directory. */
public final class DirectoryEvents {

    private DirectoryEvents() {
    }

    /** The directory's word on someone's name, address and language (one person id per subject). */
    public static String person(String subject, String name, UUID organisation, String email, String locale, long version) {
        return """
                {"id":"%s","subject":"%s","organisationId":"%s","displayName":"%s","email":%s,"locale":%s,"version":%d}"""
                .formatted(UUID.nameUUIDFromBytes(subject.getBytes(StandardCharsets.UTF_8)), subject, organisation, name,
                        quoted(email), quoted(locale), version);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
