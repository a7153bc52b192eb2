package io.partnerplan.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A CloudEvent read back from a Kafka record in binary mode. */
public record IncomingEvent(String id, String type, String source, String subject, Instant time,
                            String tenantId, String traceId, String actor, JsonNode data) {

    private static final ObjectMapper EVENT_DATA = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** {@code io.partnerplan.plan.created.v1} → {@code plan.created} */
    public String shortType() {
        return EventTypes.shortName(type);
    }

    /** A required text field of the data; its absence is a {@link PoisonEventException}, not a retry. */
    public String text(String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new PoisonEventException(shortType() + " data lacks " + field);
        }
        return value.asText();
    }

    public java.util.UUID uuid(String field) {
        try {
            return java.util.UUID.fromString(text(field));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(shortType() + " data has an invalid " + field + ": not a UUID");
        }
    }

    public java.time.LocalDate date(String field) {
        try {
            return java.time.LocalDate.parse(text(field));
        } catch (java.time.DateTimeException e) {
            throw new PoisonEventException(shortType() + " data has an invalid " + field + ": not a date");
        }
    }

    /**
     * The data as the consumer's own record of the fields it reads ({@link #dataAs(Class, ObjectMapper)}
     * with a mapper for event data: ISO dates and instants, unknown properties ignored). A record
     * refuses what it cannot work with in its compact constructor ({@link #required}): the event is
     * then a {@link PoisonEventException} naming the field, not a retry.
     */
    public <T> T dataAs(Class<T> type) {
        return dataAs(type, EVENT_DATA);
    }

    /** For a consumer record's compact constructor: a value the event must carry. */
    public static <T> T required(T value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new PoisonEventException("data lacks " + field);
        }
        return value;
    }

    /**
     * The data as a type. Unknown properties are ignored here even though REST bodies refuse them
     * (quarkus.jackson.fail-on-unknown-properties): a producer may add fields to an event without
     * its consumers dead-lettering it (forward compatibility).
     */
    public <T> T dataAs(Class<T> type, ObjectMapper json) {
        try {
            return json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(data);
        } catch (JsonProcessingException e) {
            String at = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty() ? " at " + path(mapping) : "";
            throw new PoisonEventException("data of " + this.type + " does not match its schema" + at + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new PoisonEventException("data of " + this.type + " cannot be read: " + e.getMessage());
        }
    }

    /** {@code periods[2].start}: where in the data a value did not fit. */
    private static String path(JsonMappingException e) {
        StringBuilder at = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                at.append(at.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                at.append('[').append(reference.getIndex()).append(']');
            }
        }
        return at.toString();
    }

    /** @throws PoisonEventException when a required attribute is missing: retrying cannot fix that */
    public static IncomingEvent from(ConsumerRecord<String, String> record, ObjectMapper json) {
        String id = required(record, CloudEventHeaders.ID);
        String type = required(record, CloudEventHeaders.TYPE);
        String source = required(record, CloudEventHeaders.SOURCE);
        String tenant = required(record, CloudEventHeaders.TENANT);
        String subject = header(record, CloudEventHeaders.SUBJECT);
        String time = header(record, CloudEventHeaders.TIME);
        Instant at;
        try {
            at = time == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(CloudEventHeaders.TIME + " is not an RFC 3339 timestamp: " + time);
        }
        if (record.value() == null) {
            throw new PoisonEventException("event " + id + " has no data");
        }
        JsonNode data;
        try {
            data = json.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("data of event " + id + " is not JSON: " + e.getOriginalMessage());
        }
        return new IncomingEvent(id, type, source, subject, at, tenant, header(record, CloudEventHeaders.TRACE),
                header(record, CloudEventHeaders.ACTOR), data);
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("missing CloudEvents header " + name);
        }
        return value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
