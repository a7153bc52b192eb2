package io.partnerplan.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every Kafka client of every service connects as the Deployment says (KAFKA_SECURITY_PROTOCOL=SASL_SSL,
 * SCRAM, the cluster CA; KafkaUsersTest checks that the Deployments say it): the {@code kafka.*}
 * settings reach a client only if nothing in between replaces them. So:
 * <ul>
 * <li>every messaging channel is a Kafka channel that takes the default broker settings: no channel (nor
 * its dead-letter producer) sets its own bootstrap servers, security protocol, SASL or TLS settings, or
 * names another {@code kafka-configuration} bean;</li>
 * <li>no {@code kafka.*} connection setting is fixed in a properties file for the prod profile (it
 * would win over nothing, but a literal PLAINTEXT there hides the Deployment's intent);</li>
 * <li>every plain client in main code (producer, consumer, admin) is built from platform's
 * {@code KafkaConnection} settings.</li>
 * </ul>
 */
class KafkaClientSecurityTest {

    private static final Pattern CHANNEL_KEY = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([A-Za-z0-9_-]+)\\.(.+)");
    private static final Pattern PLAIN_CLIENT = Pattern.compile(
            "new\\s+Kafka(Producer|Consumer)\\s*<|\\bAdmin(Client)?\\.create\\s*\\(|new\\s+KafkaAdminClient");

    /** Keys that decide where and how a client connects: a channel setting one of them leaves the shared settings. */
    static boolean connects(String clientKey) {
        return clientKey.equals("bootstrap.servers") || clientKey.equals("security.protocol") || clientKey.startsWith("sasl.")
                || clientKey.startsWith("ssl.") || clientKey.equals("kafka-configuration")
                || clientKey.startsWith("dead-letter-queue.") && connects(clientKey.substring("dead-letter-queue.".length()));
    }

    static List<String> channelProblems(String service, Map<String, String> config) {
        List<String> problems = new ArrayList<>();
        Map<String, String> connectors = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : config.entrySet()) {
            Matcher m = CHANNEL_KEY.matcher(e.getKey());
            if (!m.matches()) {
                continue;
            }
            String channel = m.group(1) + " " + m.group(2);
            connectors.putIfAbsent(channel, null);
            if (m.group(3).equals("connector")) {
                connectors.put(channel, e.getValue());
            } else if (connects(m.group(3))) {
                problems.add(service + ": channel " + channel + " sets its own " + m.group(3)
                        + " (the shared KAFKA_* connection settings would not apply to it)");
            }
        }
        connectors.forEach((channel, connector) -> {
            if (!"smallrye-kafka".equals(connector)) {
                problems.add(service + ": channel " + channel + " has connector " + connector + ", not smallrye-kafka");
            }
        });
        for (String key : config.keySet()) {
            if (key.startsWith("kafka.") && !key.equals("kafka.bootstrap.servers") && connects(key.substring("kafka.".length()))) {
                problems.add(service + ": " + key + " is fixed in a properties file; the Deployment's KAFKA_* decides it");
            }
        }
        return problems;
    }

    static List<String> plainClientProblems(Path source, String code) {
        if (PLAIN_CLIENT.matcher(code).find() && !code.contains("KafkaConnection") && !source.endsWith("KafkaConnection.java")) {
            return List.of(Repo.root().relativize(source) + " builds a Kafka client without platform's KafkaConnection settings");
        }
        return List.of();
    }

    @Test
    void everyChannelOfEveryServiceTakesTheSharedConnectionSettings() throws IOException {
        List<String> problems = new ArrayList<>();
        int channels = 0;
        for (String service : Repo.SERVICES) {
            Map<String, String> config = Repo.effectiveConfig(service);
            channels += (int) config.keySet().stream().filter(k -> CHANNEL_KEY.matcher(k).matches() && k.endsWith(".connector")).count();
            problems.addAll(channelProblems(service, config));
        }
        assertTrue(channels >= 8, "channels found: " + channels);
        assertEquals(List.of(), problems);
    }

    @Test
    void everyPlainKafkaClientInMainCodeIsBuiltFromKafkaConnection() throws IOException {
        List<String> problems = new ArrayList<>();
        TreeSet<String> clients = new TreeSet<>();
        List<String> modules = new ArrayList<>(Repo.SERVICES);
        modules.add("platform");
        for (String module : modules) {
            Path main = Repo.root().resolve(module + "/src/main/java");
            try (Stream<Path> files = Files.walk(main)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String code = Files.readString(file);
                    if (PLAIN_CLIENT.matcher(code).find()) {
                        clients.add(file.getFileName().toString());
                    }
                    problems.addAll(plainClientProblems(file, code));
                }
            }
        }
        // The outbox producer, the topic bootstrap and the lag metrics: if these are not found, the pattern is wrong.
        assertTrue(clients.containsAll(List.of("EventProducer.java", "TopicBootstrap.java", "KafkaMetrics.java")), clients.toString());
        assertEquals(List.of(), problems);
    }

    @Test
    void aChannelWithItsOwnConnectionSettingsOrAnotherConnectorIsFound() throws IOException {
        Map<String, String> config = new LinkedHashMap<>(Repo.effectiveConfig("notification-service"));
        config.put("mp.messaging.incoming.kpi-events.bootstrap.servers", "kafka:9092");
        config.put("mp.messaging.incoming.plan-events.dead-letter-queue.security.protocol", "PLAINTEXT");
        config.put("mp.messaging.outgoing.audit.connector", "smallrye-in-memory");
        config.put("kafka.security.protocol", "PLAINTEXT");
        List<String> problems = channelProblems("notification-service", config);
        assertTrue(problems.stream().anyMatch(p -> p.contains("incoming kpi-events") && p.contains("bootstrap.servers")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("plan-events") && p.contains("dead-letter-queue.security.protocol")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("outgoing audit") && p.contains("smallrye-in-memory")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("kafka.security.protocol")), problems.toString());
        assertEquals(List.of(), channelProblems("notification-service", Repo.effectiveConfig("notification-service")));
    }

    @Test
    void aPlainClientWithoutKafkaConnectionIsFound() {
        Path file = Repo.root().resolve("notification-service/src/main/java/io/partnerplan/notification/Sneaky.java");
        String code = "class Sneaky { Object p = new KafkaProducer<String, String>(java.util.Map.of(\"bootstrap.servers\", \"kafka:9092\")); }";
        assertFalse(plainClientProblems(file, code).isEmpty());
        assertEquals(List.of(), plainClientProblems(file, code.replace("java.util.Map.of", "connection.settings(); // KafkaConnection")));
    }
}
