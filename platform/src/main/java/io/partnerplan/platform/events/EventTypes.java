package io.partnerplan.platform.events;

/** Naming rules for events and topics, one place for every service (docs/events/README.md, docs/decisions/0006). */
public final class EventTypes {

    private static final String TYPE_PREFIX = "io.partnerplan.";

    private EventTypes() {
    }

    /** {@code plan.created} → {@code io.partnerplan.plan.created.v1} */
    public static String type(String shortName) {
        return TYPE_PREFIX + shortName + ".v1";
    }

    /** {@code io.partnerplan.plan.created.v1} → {@code plan.created} */
    public static String shortName(String type) {
        String name = type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
        int version = name.lastIndexOf(".v");
        return version > 0 ? name.substring(0, version) : name;
    }

    /** The topic a service publishes to: {@code partnerplan.plan.events.v1}. */
    public static String topicOf(String service) {
        return "partnerplan." + service + ".events.v1";
    }

    /** Where a consumer parks what it cannot process: {@code partnerplan.plan.events.v1.notification.dlq}. */
    public static String deadLetterTopic(String sourceTopic, String consumerService) {
        return sourceTopic + "." + consumerService + ".dlq";
    }

    public static String source(String service) {
        return "/partnerplan/" + service + "-service";
    }
}
