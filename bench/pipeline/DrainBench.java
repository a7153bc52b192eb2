import java.io.File;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import com.sun.net.httpserver.HttpServer;

/**
 * Backlog drain after a broker outage (issues 7 and 9): the Kafka broker is stopped, plans keep being
 * drafted through the gateway for {@code outage} at {@code rate} per second (the API must keep answering
 * 201: the outbox holds the events), then the broker is started again and this measures
 * <ul>
 *   <li>how fast plan-service's outbox backlog reaches Kafka (unpublished rows, polled in its database),</li>
 *   <li>how fast notification-service drains its consumer lag on the plan topic (committed offsets vs end
 *       offsets, polled with the Kafka admin client), and when the last inbox item and webhook call arrive,</li>
 * </ul>
 * and reconciles the counts: every drafted plan has exactly one {@code plan.created} on Kafka (by key), one
 * inbox item and one webhook call (more than one is reported as a duplicate).
 * <p>
 * Run by {@code bench/run drain} (which starts the stack and passes the arguments); prints JSON on stdout.
 * Uses {@link EventPipelineBench}'s open-loop driver and helpers (the source launcher compiles the
 * classes of this directory on demand).
 */
public class DrainBench {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern SUBJECT = Pattern.compile("\"subject\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern PLAN_LINK = Pattern.compile("/api/v1/plans/([0-9a-f-]{36})");
    static final String PLAN_TOPIC = "partnerplan.plan.events.v1";

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        String gateway = a.get("gateway");
        String bootstrap = a.get("bootstrap");
        String managerToken = a.get("manager-token");
        String adminToken = a.get("admin-token");
        String partnerId = a.get("partner");
        String tenant = a.get("tenant");
        String pg = a.get("pg");                       // host:port of the stack's PostgreSQL
        Path repo = Path.of(a.get("repo"));
        int rate = Integer.parseInt(a.getOrDefault("rate", "20"));
        Duration outage = Duration.parse(a.getOrDefault("outage", "PT60S"));

        var result = new LinkedHashMap<String, Object>();
        result.put("rate_per_s", rate);
        result.put("outage_s", outage.toSeconds());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        // The tenant's PRM endpoint: counts the webhook calls per plan.
        Map<String, AtomicInteger> webhookCalls = new ConcurrentHashMap<>();
        AtomicInteger lastWebhookMs = new AtomicInteger();
        long t0 = System.nanoTime();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.setExecutor(Executors.newFixedThreadPool(4));
        hook.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                Matcher m = SUBJECT.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (m.find()) {
                    webhookCalls.computeIfAbsent(m.group(1), k -> new AtomicInteger()).incrementAndGet();
                    lastWebhookMs.set((int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        EventPipelineBench.send(http, "POST", gateway + "/api/v1/notifications/webhooks", adminToken,
                "{\"url\":\"http://127.0.0.1:" + hook.getAddress().getPort() + "/hook\",\"eventTypes\":[\"plan.created\"],\"description\":\"drain bench\"}", 201);

        // Kafka: every plan.created of the plans drafted here, counted by key (a duplicate shows as 2).
        Map<String, AtomicInteger> onKafka = new ConcurrentHashMap<>();
        AtomicBoolean consuming = new AtomicBoolean(true);
        java.util.concurrent.CountDownLatch positioned = new java.util.concurrent.CountDownLatch(1);
        Thread topicReader = Thread.ofPlatform().name("plan-topic").start(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(EventPipelineBench.consumerProps(bootstrap))) {
                // Assigned, not subscribed: the position stays in this process across the broker's restart
                // (a fresh group would start again at the end and miss the backlog).
                List<TopicPartition> partitions = consumer.partitionsFor(PLAN_TOPIC).stream()
                        .map(p -> new TopicPartition(PLAN_TOPIC, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                positioned.countDown();
                while (consuming.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        Header type = r.headers().lastHeader("ce_type");
                        if (type != null && new String(type.value(), StandardCharsets.UTF_8).equals("io.partnerplan.plan.created.v1")) {
                            onKafka.computeIfAbsent(r.key(), k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                }
            } catch (RuntimeException e) {
                log("topic reader stopped: %s", e);
            }
        });
        Thread.sleep(3000);

        try (Connection planDb = DriverManager.getConnection("jdbc:postgresql://" + pg + "/plan", "plan", "plan");
             Connection notificationDb = DriverManager.getConnection("jdbc:postgresql://" + pg + "/notification", "notification", "notification")) {
            // Inbox items of this run only (the pipeline group may have drafted plans for the same tenant).
            Timestamp since = timestamp(notificationDb);
            // The reader must hold its positions before the broker goes (on a loaded machine it may still be starting).
            if (!positioned.await(120, TimeUnit.SECONDS)) {
                log("topic reader not positioned after 120 s: the Kafka counts will be missing");
            }
            log("stopping the broker");
            stopBroker(repo);
            long outageStart = System.nanoTime();

            log("drafting plans at %d/s for %ss while the broker is down", rate, outage.toSeconds());
            EventPipelineBench.Drive run = EventPipelineBench.drive(http, gateway, managerToken, partnerId, rate, outage, 256, "drain");
            Set<String> drafted = run.sent.keySet();
            long backlog = count(planDb, "select count(*) from outbox_event where published_at is null");
            log("drafted %d plans (%d failed, %d ticks skipped); outbox backlog %d", drafted.size(), run.failed.get(),
                    run.skipped.get(), backlog);
            result.put("during_outage", Map.of("created", drafted.size(), "failed", run.failed.get(),
                    "skipped_ticks", run.skipped.get(), "outbox_backlog", backlog,
                    "broker_down_s", EventPipelineBench.round((System.nanoTime() - outageStart) / 1e9)));

            log("starting the broker");
            long startCommand = System.nanoTime();
            startBroker(repo);
            long up = System.nanoTime();
            result.put("broker_start_s", EventPipelineBench.round((up - startCommand) / 1e9));

            // Poll until the outbox is empty, the consumer has no lag and every effect arrived.
            Properties adminProps = new Properties();
            adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            Double outboxEmptyAt = null, lagZeroAt = null, inboxCompleteAt = null;
            long maxLag = 0;
            List<String> timeline = new ArrayList<>();
            long deadline = up + TimeUnit.SECONDS.toNanos(600);
            try (Admin admin = Admin.create(adminProps)) {
                while (System.nanoTime() < deadline) {
                    double s = (System.nanoTime() - up) / 1e9;
                    long unpublished = count(planDb, "select count(*) from outbox_event where published_at is null");
                    long lag = lag(admin, "notification-service", PLAN_TOPIC);
                    long inbox = inboxItems(notificationDb, tenant, since).size();
                    maxLag = Math.max(maxLag, lag);
                    if (outboxEmptyAt == null && unpublished == 0) outboxEmptyAt = s;
                    if (lagZeroAt == null && outboxEmptyAt != null && lag == 0) lagZeroAt = s;
                    if (inboxCompleteAt == null && inbox >= drafted.size()) inboxCompleteAt = s;
                    timeline.add("{\"s\":%.1f,\"outbox_unpublished\":%d,\"consumer_lag\":%d,\"inbox\":%d,\"webhooks\":%d}"
                            .formatted(s, unpublished, lag, inbox, webhookCalls.size()));
                    if (outboxEmptyAt != null && lagZeroAt != null && inboxCompleteAt != null
                            && webhookCalls.keySet().containsAll(drafted) && onKafka.keySet().containsAll(drafted)) {
                        break;
                    }
                    Thread.sleep(250);
                }
            }
            double webhooksDoneAt = TimeUnit.NANOSECONDS.toMillis(up - t0) > lastWebhookMs.get() ? 0
                    : (lastWebhookMs.get() - TimeUnit.NANOSECONDS.toMillis(up - t0)) / 1000.0;
            Thread.sleep(3000); // anything delivered twice would arrive now
            consuming.set(false);
            topicReader.join();
            hook.stop(0);

            List<String> inboxPlans = inboxItems(notificationDb, tenant, since);
            Map<String, Long> inboxPerPlan = inboxPlans.stream().collect(java.util.stream.Collectors.groupingBy(p -> p,
                    java.util.stream.Collectors.counting()));
            long planRows;
            try (PreparedStatement rows = planDb.prepareStatement("select count(*) from plan where id = any(?)")) {
                rows.setArray(1, planDb.createArrayOf("uuid", drafted.stream().map(java.util.UUID::fromString).toArray()));
                try (ResultSet rs = rows.executeQuery()) {
                    rs.next();
                    planRows = rs.getLong(1);
                }
            }
            var drain = new LinkedHashMap<String, Object>();
            drain.put("outbox_empty_after_s", outboxEmptyAt);
            drain.put("outbox_drain_events_per_s", rate(backlog, outboxEmptyAt));
            drain.put("notification_max_lag", maxLag);
            drain.put("notification_lag_zero_after_s", lagZeroAt);
            drain.put("notification_drain_events_per_s", rate(maxLag, lagZeroAt));
            drain.put("inbox_complete_after_s", inboxCompleteAt);
            drain.put("last_webhook_after_s", EventPipelineBench.round(webhooksDoneAt));
            result.put("after_restart", drain);
            result.put("reconciliation", Map.of(
                    "drafted_201", drafted.size(),
                    "plan_rows", planRows,
                    "plan_created_on_kafka", drafted.stream().filter(onKafka::containsKey).count(),
                    "on_kafka_more_than_once", drafted.stream().filter(id -> onKafka.containsKey(id) && onKafka.get(id).get() > 1).count(),
                    "inbox_items", inboxPlans.size(),
                    "inbox_plans", drafted.stream().filter(inboxPerPlan::containsKey).count(),
                    "inbox_more_than_once", drafted.stream().filter(id -> inboxPerPlan.getOrDefault(id, 0L) > 1).count(),
                    "webhook_plans", drafted.stream().filter(webhookCalls::containsKey).count(),
                    "webhook_more_than_once", drafted.stream().filter(id -> webhookCalls.containsKey(id) && webhookCalls.get(id).get() > 1).count()));
            result.put("timeline", timeline);
        }
        System.out.println(toJson(result));
        System.exit(0);
    }

    static Object rate(long events, Double seconds) {
        return seconds == null || seconds <= 0 ? null : EventPipelineBench.round(events / seconds);
    }

    /** A consumer group's lag on one topic: end offsets minus committed offsets, summed over partitions. */
    static long lag(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (var e : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            lag += e.getValue().offset() - (c == null ? 0 : c.offset());
        }
        return lag;
    }

    static Timestamp timestamp(Connection db) throws Exception {
        try (PreparedStatement s = db.prepareStatement("select now()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    /** The plan ids (from the items' links) of the tenant's plan.created inbox items written since {@code since}. */
    static List<String> inboxItems(Connection db, String tenant, Timestamp since) throws Exception {
        List<String> plans = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("select link from inbox_item where tenant_id = ? and event_type = 'plan.created'"
                + " and created_at >= ?")) {
            s.setString(1, tenant);
            s.setTimestamp(2, since);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Matcher m = PLAN_LINK.matcher(String.valueOf(rs.getString(1)));
                    if (m.find()) plans.add(m.group(1));
                }
            }
        }
        return plans;
    }

    static long count(Connection db, String sql) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** As BrokerOutageIT: TERM to the broker recorded by scripts/infra, and wait for it to exit. */
    static void stopBroker(Path repo) throws Exception {
        long pid = Long.parseLong(Files.readString(repo.resolve(".infra/stack/kafka.pid")).trim());
        ProcessHandle kafka = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("Kafka is not running"));
        kafka.destroy();
        kafka.onExit().get(60, TimeUnit.SECONDS);
    }

    static void startBroker(Path repo) throws Exception {
        File logFile = repo.resolve(".stack/bench/logs/drain-infra-up.log").toFile();
        Process up = new ProcessBuilder("bash", repo.resolve("scripts/infra").toString(), "up", "--profile", "stack")
                .redirectErrorStream(true).redirectOutput(logFile).start();
        if (!up.waitFor(3, TimeUnit.MINUTES) || up.exitValue() != 0) {
            throw new IllegalStateException("Kafka did not come back; see " + logFile);
        }
    }

    @SuppressWarnings("unchecked")
    static String toJson(Object o) {
        if (o instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            for (var e : ((Map<String, Object>) m).entrySet()) {
                parts.add("\"" + e.getKey() + "\": " + toJson(e.getValue()));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        if (o instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object x : l) parts.add(x instanceof String s && s.startsWith("{") ? s : toJson(x));
            return "[\n  " + String.join(",\n  ", parts) + "\n]";
        }
        return o instanceof String s ? "\"" + s + "\"" : String.valueOf(o);
    }

    static void log(String format, Object... args) {
        System.err.printf(java.util.Locale.ROOT, "[drain] " + format + "%n", args);
    }
}
