package io.partnerplan.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import io.partnerplan.platform.events.EventType;

/**
 * The typed events of one service against docs/events (docs/architecture.md, "Events"): every
 * {@code static final EventType} constant of the module's main classes
 * <ul>
 * <li>names a type that has a contract (docs/events/schemas, from contracts.yaml) and a row of the
 * catalogue (docs/events/README.md) on this service's topic;</li>
 * <li>is declared once;</li>
 * <li>has a data record whose JSON properties (as Jackson writes them) are exactly the contract's;</li>
 * </ul>
 * and every type the catalogue puts on the service's topic is declared. Each service has an
 * {@code EventTypesTest} calling {@link #assertMatchContracts}.
 */
public final class EventDefinitions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("`([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)`");

    private EventDefinitions() {
    }

    /** @throws AssertionError listing every mismatch */
    public static void assertMatchContracts(String rootPackage, String topic) {
        Map<String, EventType<?>> declared = declared(rootPackage);
        Set<String> catalogued = catalogue().getOrDefault(topic, Set.of());
        List<String> problems = new ArrayList<>();
        if (declared.isEmpty()) {
            problems.add("no EventType constants under " + rootPackage + " in target/classes");
        }
        for (EventType<?> type : declared.values()) {
            if (!catalogued.contains(type.name())) {
                problems.add(type.name() + " is declared here but docs/events/README.md does not list it on topic " + topic);
            }
            JsonNode schema = schema(type.name());
            if (schema == null) {
                problems.add(type.name() + " has no contract: add it to docs/events/contracts.yaml and run scripts/openapi");
                continue;
            }
            Set<String> contract = new TreeSet<>();
            resolve(schema, schema.path("$defs")).path("properties").fieldNames().forEachRemaining(contract::add);
            Set<String> record = properties(type.data());
            if (!record.equals(contract)) {
                Set<String> missing = new TreeSet<>(contract);
                missing.removeAll(record);
                Set<String> extra = new TreeSet<>(record);
                extra.removeAll(contract);
                problems.add(type.name() + ": " + type.data().getSimpleName() + " does not carry the contract's properties"
                        + (missing.isEmpty() ? "" : "; missing " + missing) + (extra.isEmpty() ? "" : "; not in the contract " + extra));
            }
        }
        for (String name : catalogued) {
            if (!declared.containsKey(name)) {
                problems.add(name + " is on topic " + topic + " (docs/events/README.md) but no EventType declares it");
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("Event types of " + rootPackage + " do not match docs/events:\n  " + String.join("\n  ", problems));
        }
    }

    /** The module's EventType constants by name; a name declared twice fails. */
    static Map<String, EventType<?>> declared(String rootPackage) {
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        Map<String, EventType<?>> byName = new TreeMap<>();
        for (JavaClass owner : new ClassFileImporter().importPath(Path.of("target", "classes"))) {
            if (!owner.getPackageName().startsWith(rootPackage)) {
                continue;
            }
            for (JavaField field : owner.getFields()) {
                if (!field.getRawType().isEquivalentTo(EventType.class)
                        || !field.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)) {
                    continue;
                }
                EventType<?> type = value(owner.getName(), field.getName());
                EventType<?> before = byName.put(type.name(), type);
                if (before != null && before != type) {
                    throw new AssertionError(type.name() + " is declared twice (again in " + owner.getSimpleName() + "." + field.getName()
                            + "): one definition per event type");
                }
            }
        }
        return byName;
    }

    private static EventType<?> value(String className, String fieldName) {
        try {
            Field field = Class.forName(className).getDeclaredField(fieldName);
            if (!Modifier.isFinal(field.getModifiers())) {
                throw new AssertionError(className + "." + fieldName + " must be final");
            }
            field.setAccessible(true);
            return (EventType<?>) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + className + "." + fieldName, e);
        }
    }

    /** The JSON properties Jackson writes for {@code data}. */
    static Set<String> properties(Class<?> data) {
        Set<String> names = new TreeSet<>();
        for (BeanPropertyDefinition property : JSON.getSerializationConfig().introspect(JSON.constructType(data)).findProperties()) {
            if (property.couldSerialize()) {
                names.add(property.getName());
            }
        }
        return names;
    }

    /** topic (plan, kpi, calendar, notification) -> the event types docs/events/README.md's catalogue puts on it */
    static Map<String, Set<String>> catalogue() {
        Map<String, Set<String>> byTopic = new TreeMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(Repository.root().resolve("docs/events/README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean inCatalogue = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inCatalogue = line.equals("## Catalogue");
                continue;
            }
            if (!inCatalogue || !line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            Matcher names = NAME.matcher(cells[1]);
            while (names.find()) {
                byTopic.computeIfAbsent(cells[2].trim(), t -> new TreeSet<>()).add(names.group(1));
            }
        }
        return byTopic;
    }

    private static JsonNode schema(String name) {
        try (InputStream in = EventDefinitions.class.getClassLoader().getResourceAsStream("partnerplan/event-schemas/" + name + ".json")) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode resolve(JsonNode schema, JsonNode defs) {
        if (schema.has("$ref") && schema.get("$ref").asText().startsWith("#/$defs/")) {
            return resolve(defs.path(schema.get("$ref").asText().substring("#/$defs/".length())), defs);
        }
        return schema;
    }
}
