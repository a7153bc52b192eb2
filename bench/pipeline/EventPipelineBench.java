import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.sun.net.httpserver.HttpServer;

/**
 * Event pipeline latency: a plan-service state change (a plan drafted through the gateway) until
 * (1) its event is on Kafka (transaction, outbox, relay), (2) notification-service has written the
 * drafter's in-app inbox item, and (3) the tenant's webhook endpoint (an HTTP server in this process)
 * has received it. Baseline, measured in the same run with the producer settings of the services'
 * outbox relay (acks=all, idempotent, linger 5 ms) and a consumer with Kafka's defaults: the broker's
 * own produce-to-consume round trip at the same rate.
 * <p>
 * Open loop at a fixed rate: a request is started every 1/rate seconds whether or not earlier ones
 * have answered (at most {@code maxInFlight} outstanding; beyond that a tick is counted as skipped),
 * so a saturated service shows up as latency and skipped ticks, not as a politely lower rate.
 * <p>
 * While the measured drafts run it also samples notification-service's consumer lag on the plan topic
 * (bounded or growing: whether the rate is sustained), the CPU time each process of the stack spent
 * ({@code --pids=name:pid,...}; a name ending in {@code +} counts the process's children too, for
 * PostgreSQL's backends and nginx's workers) and the load average, so a rate the stack cannot
 * sustain shows where the cores went.
 * <p>
 * Run by bench/run (which starts the stack and passes the arguments); prints JSON on stdout.
 */
public class EventPipelineBench {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern PLAN_LINK = Pattern.compile("/api/v1/plans/([0-9a-f-]{36})");
    static final Pattern CREATED_AT = Pattern.compile("\"createdAt\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");

    record Sent(long startNanos, Instant startWall) {
    }

    /** Every 201 of every drive, for the warm-up curve. */
    static final AtomicInteger CREATED = new AtomicInteger();

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
        int rate = Integer.parseInt(a.getOrDefault("rate", "200"));
        Duration duration = Duration.parse(a.getOrDefault("duration", "PT60S"));
        Duration warmup = Duration.parse(a.getOrDefault("warmup", "PT10S"));
        int maxInFlight = Integer.parseInt(a.getOrDefault("max-in-flight", "256"));
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String entry : a.getOrDefault("pids", "").split(",")) {
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && !entry.substring(colon + 1).isBlank()) {
                pids.put(entry.substring(0, colon), Long.parseLong(entry.substring(colon + 1).trim()));
            }
        }
        pids.put("load-generator (this process)", ProcessHandle.current().pid());

        var result = new LinkedHashMap<String, Object>();
        result.put("rate_per_s", rate);
        result.put("duration_s", duration.toSeconds());

        log("baseline: Kafka produce -> consume at %d/s for %ss", rate, duration.toSeconds());
        result.put("kafka_round_trip", baseline(bootstrap, rate, duration));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        String reference = a.get("reference");
        if (reference != null) {
            log("reference: one-row writes + Kafka send at %d/s (%ss warm-up, %ss measured)", rate, warmup.toSeconds(),
                    duration.toSeconds());
            result.put("reference_write", reference(http, reference, rate, warmup, duration, maxInFlight, pids));
        }

        // The tenant's PRM endpoint: records when each plan's webhook arrives.
        Map<String, Long> webhookAt = new ConcurrentHashMap<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.setExecutor(Executors.newFixedThreadPool(4));
        hook.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Matcher m = Pattern.compile("\"subject\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(body);
                if (m.find()) {
                    webhookAt.putIfAbsent(m.group(1), now);
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        String hookUrl = "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook";
        send(http, "POST", gateway + "/api/v1/notifications/webhooks", adminToken,
                "{\"url\":\"" + hookUrl + "\",\"eventTypes\":[\"plan.created\"],\"description\":\"bench\"}", 201);

        // Kafka: when plan-service's event for each plan reaches a consumer.
        Map<String, Long> kafkaAt = new ConcurrentHashMap<>();
        AtomicBoolean consuming = new AtomicBoolean(true);
        Thread topicReader = Thread.ofPlatform().name("plan-topic").start(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(bootstrap))) {
                consumer.subscribe(List.of("partnerplan.plan.events.v1"));
                while (consuming.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        Header type = r.headers().lastHeader("ce_type");
                        if (type != null && new String(type.value(), StandardCharsets.UTF_8).equals("io.partnerplan.plan.created.v1")) {
                            kafkaAt.putIfAbsent(r.key(), now);
                        }
                    }
                }
            }
        });
        Thread.sleep(3000); // let the consumer join its group and sit at the end of the topic

        log("warm-up: %ss of plan drafts at %d/s", warmup.toSeconds(), rate);
        // Warm-up curve: CPU per plan drafted of each service in 5 s windows, from the services' first drafts
        // (bench/run starts the stack afresh) through the measured run: when each reaches its steady cost.
        List<Map<String, Object>> curve = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean curving = new AtomicBoolean(true);
        Thread curveSampler = Thread.ofPlatform().name("warm-up-curve").daemon().start(() -> {
            long t0 = System.nanoTime();
            Map<String, Double> last = cpuSeconds(pids);
            int lastCreated = CREATED.get();
            while (curving.get()) {
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    return;
                }
                Map<String, Double> now = cpuSeconds(pids);
                int created = CREATED.get();
                int plans = created - lastCreated;
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("t_s", Math.round((System.nanoTime() - t0) / 1e9));
                w.put("plans", plans);
                for (var e : now.entrySet()) {
                    if (last.containsKey(e.getKey()) && plans > 0) {
                        w.put(e.getKey().replace("+", ""), round((e.getValue() - last.get(e.getKey())) * 1000 / plans));
                    }
                }
                curve.add(w);
                last = now;
                lastCreated = created;
            }
        });
        drive(http, gateway, managerToken, partnerId, rate, warmup, maxInFlight, "warmup");
        Thread.sleep(2000);
        kafkaAt.clear();
        webhookAt.clear();

        log("measured: %ss of plan drafts at %d/s", duration.toSeconds(), rate);
        Instant measuredFrom = Instant.now();
        settle(pids, 60);
        String loadBefore = loadAverage();
        Map<String, Double> cpuBefore = cpuSeconds(pids);
        long wallBefore = System.nanoTime();
        List<Long> lags = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread lagSampler = Thread.ofPlatform().name("lag").start(() -> {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                while (sampling.get()) {
                    lags.add(DrainBench.lag(admin, "notification-service", "partnerplan.plan.events.v1"));
                    Thread.sleep(1000);
                }
            } catch (Exception e) {
                log("lag sampling stopped: %s", e);
            }
        });
        Drive run = drive(http, gateway, managerToken, partnerId, rate, duration, maxInFlight, "bench");
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        Map<String, Double> cpuWhileDrafting = cpuSeconds(pids);
        String loadAfter = loadAverage();
        sampling.set(false);
        lagSampler.join();
        log("drafted %d plans (%d failed, %d ticks skipped); waiting for their effects", run.sent.size(),
                run.failed.get(), run.skipped.get());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (System.nanoTime() < deadline
                && (!kafkaAt.keySet().containsAll(run.sent.keySet()) || !webhookAt.keySet().containsAll(run.sent.keySet()))) {
            Thread.sleep(500);
        }
        // Drained: every consumer of the plan topic at its end and the processes quiet again, so that the
        // CPU per plan counts all the work a plan causes, not only what was done while drafting.
        Map<String, Object> drained = new LinkedHashMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String group : List.of("kpi-service", "calendar-service", "notification-service")) {
                long lag = -1;
                while (System.nanoTime() < deadline && (lag = DrainBench.lag(admin, group, "partnerplan.plan.events.v1")) > 0) {
                    Thread.sleep(500);
                }
                drained.put(group + "_lag", lag);
            }
        }
        drained.put("quiet", settle(pids, 120));
        double drainedWall = (System.nanoTime() - wallBefore) / 1e9;
        Map<String, Double> cpuAfter = cpuSeconds(pids);
        drained.put("wall_s", round(drainedWall));
        drained.put("load_average", loadAverage());
        result.put("drained", drained);
        consuming.set(false);
        topicReader.join();
        hook.stop(0);

        Map<String, Instant> inboxAt = inboxItems(http, gateway, managerToken, measuredFrom);

        List<Double> http_ = new ArrayList<>(), kafka = new ArrayList<>(), inbox = new ArrayList<>(), webhook = new ArrayList<>();
        for (var e : run.sent.entrySet()) {
            Sent s = e.getValue();
            Long answered = run.answeredAt.get(e.getKey());
            if (answered != null) http_.add(ms(answered - s.startNanos));
            Long k = kafkaAt.get(e.getKey());
            if (k != null) kafka.add(ms(k - s.startNanos));
            Long w = webhookAt.get(e.getKey());
            if (w != null) webhook.add(ms(w - s.startNanos));
            Instant i = inboxAt.get(e.getKey());
            if (i != null) inbox.add(Duration.between(s.startWall, i).toNanos() / 1e6);
        }
        result.put("requests", Map.of("sent", run.sent.size() + run.failed.get(), "created", run.sent.size(),
                "failed", run.failed.get(), "skipped_ticks", run.skipped.get(),
                "achieved_rate_per_s", round(run.sent.size() / (double) duration.toSeconds())));
        result.put("http_answer", stats(http_, run.sent.size()));
        result.put("on_kafka", stats(kafka, run.sent.size()));
        result.put("inbox_item", stats(inbox, run.sent.size()));
        result.put("webhook_received", stats(webhook, run.sent.size()));
        List<Long> lagSamples = new ArrayList<>(lags);
        Map<String, Object> lag = new LinkedHashMap<>();
        lag.put("samples", lagSamples.size());
        lag.put("max", lagSamples.stream().mapToLong(Long::longValue).max().orElse(-1));
        lag.put("last_third_max", lagSamples.subList(lagSamples.size() * 2 / 3, lagSamples.size()).stream()
                .mapToLong(Long::longValue).max().orElse(-1));
        lag.put("at_end", lagSamples.isEmpty() ? -1 : lagSamples.get(lagSamples.size() - 1));
        result.put("notification_lag", lag);
        curving.set(false);
        result.put("warm_up_curve", new ArrayList<>(curve));
        result.put("wall_s", round(wall));
        result.put("cpu_while_drafting", cpuPerOp(cpuBefore, cpuWhileDrafting, wall, run.sent.size()));
        result.put("cpu", cpuPerOp(cpuBefore, cpuAfter, drainedWall, run.sent.size()));
        result.put("load_average", Map.of("before", loadBefore, "after", loadAfter));
        System.out.println(toJson(result, ""));
        System.exit(0);
    }

    static final class Drive {
        final Map<String, Sent> sent = new ConcurrentHashMap<>();
        final Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
    }

    static Drive drive(HttpClient http, String gateway, String token, String partnerId, int rate, Duration duration,
                       int maxInFlight, String prefix) throws InterruptedException {
        AtomicInteger seq = new AtomicInteger();
        return drive(http, () -> request("POST", gateway + "/api/v1/plans", token,
                "{\"partnerOrganisationId\":\"" + partnerId + "\",\"title\":\"" + prefix + " " + seq.incrementAndGet()
                        + "\",\"horizonStart\":\"2027-01-01\",\"horizonEnd\":\"2027-12-31\"}"), rate, duration, maxInFlight);
    }

    /** Open loop: one request from {@code next} every 1/rate s; the 201s' ids and answer times. */
    static Drive drive(HttpClient http, java.util.function.Supplier<HttpRequest> next, int rate, Duration duration,
                       int maxInFlight) throws InterruptedException {
        Drive drive = new Drive();
        Semaphore inFlight = new Semaphore(maxInFlight);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        ticker.scheduleAtFixedRate(() -> {
            if (!inFlight.tryAcquire()) {
                drive.skipped.incrementAndGet();
                return;
            }
            Sent s = new Sent(System.nanoTime(), Instant.now());
            http.sendAsync(next.get(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        long now = System.nanoTime();
                        inFlight.release();
                        Matcher m = response == null ? null : ID.matcher(response.body());
                        if (error == null && response.statusCode() == 201 && m.find()) {
                            CREATED.incrementAndGet();
                            drive.sent.put(m.group(1), s);
                            drive.answeredAt.put(m.group(1), now);
                        } else {
                            drive.failed.incrementAndGet();
                        }
                    });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        Thread.sleep(duration.toMillis());
        ticker.shutdownNow();
        inFlight.acquire(maxInFlight); // every request answered
        inFlight.release(maxInFlight);
        return drive;
    }

    /** The drafter's inbox, newest first, down to the start of the measured run: plan id -> createdAt. */
    static Map<String, Instant> inboxItems(HttpClient http, String gateway, String token, Instant from) throws Exception {
        Map<String, Instant> at = new ConcurrentHashMap<>();
        String cursor = null;
        while (true) {
            String body = send(http, "GET", gateway + "/api/v1/notifications/inbox?limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), token, null, 200);
            boolean older = false;
            for (String item : body.split("\\},\\{")) {
                Matcher link = PLAN_LINK.matcher(item), created = CREATED_AT.matcher(item);
                if (link.find() && created.find()) {
                    Instant t = Instant.parse(created.group(1));
                    older |= t.isBefore(from);
                    at.putIfAbsent(link.group(1), t);
                }
            }
            Matcher next = NEXT_CURSOR.matcher(body);
            if (older || !next.find()) {
                return at;
            }
            cursor = next.group(1);
        }
    }

    /** CPU per operation of each process between two snapshots ({@code ms_per_plan}: per operation). */
    static Map<String, Object> cpuPerOp(Map<String, Double> before, Map<String, Double> after, double wall, int ops) {
        Map<String, Object> cpu = new LinkedHashMap<>();
        double total = 0;
        for (String name : before.keySet()) {
            Double a = after.get(name);
            if (a == null) continue;
            double used = a - before.get(name);
            total += used;
            cpu.put(name.replace("+", ""), Map.of("cpu_s", round(used), "cores", round(used / wall),
                    "ms_per_plan", ops == 0 ? 0 : round(used * 1000 / ops)));
        }
        cpu.put("all_listed", Map.of("cpu_s", round(total), "cores", round(total / wall),
                "ms_per_plan", ops == 0 ? 0 : round(total * 1000 / ops)));
        return cpu;
    }

    /** Waits until the listed processes (this one excepted) use under 0.15 cores together for 3 s in a row. */
    static boolean settle(Map<String, Long> pids, int maxSeconds) throws InterruptedException {
        Map<String, Long> stack = new LinkedHashMap<>(pids);
        stack.remove("load-generator (this process)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        Map<String, Double> last = cpuSeconds(stack);
        int calm = 0;
        while (calm < 3 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            Map<String, Double> now = cpuSeconds(stack);
            double used = 0;
            for (var e : now.entrySet()) used += e.getValue() - last.getOrDefault(e.getKey(), e.getValue());
            calm = used < 0.15 ? calm + 1 : 0;
            last = now;
        }
        return calm >= 3;
    }

    /**
     * The floor: the reference application's one-row write plus Kafka send (bench/reference) at the same rate,
     * warmed like the stack; answer latency and CPU per write of each process once everything is quiet again.
     */
    static Map<String, Object> reference(HttpClient http, String url, int rate, Duration warmup, Duration duration,
                                         int maxInFlight, Map<String, Long> pids) throws Exception {
        AtomicInteger seq = new AtomicInteger();
        java.util.function.Supplier<HttpRequest> write = () -> request("POST", url + "/rows", null,
                "{\"title\":\"reference " + seq.incrementAndGet() + "\"}");
        drive(http, write, rate, warmup, maxInFlight);
        settle(pids, 60);
        String loadBefore = loadAverage();
        Map<String, Double> before = cpuSeconds(pids);
        long t0 = System.nanoTime();
        Drive run = drive(http, write, rate, duration, maxInFlight);
        double wall = (System.nanoTime() - t0) / 1e9;
        settle(pids, 60);
        double drainedWall = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> after = cpuSeconds(pids);
        List<Double> answers = new ArrayList<>();
        for (var e : run.sent.entrySet()) {
            Long answered = run.answeredAt.get(e.getKey());
            if (answered != null) answers.add(ms(answered - e.getValue().startNanos));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("requests", Map.of("created", run.sent.size(), "failed", run.failed.get(), "skipped_ticks", run.skipped.get(),
                "achieved_rate_per_s", round(run.sent.size() / (double) duration.toSeconds())));
        r.put("http_answer", stats(answers, run.sent.size()));
        r.put("wall_s", round(wall));
        r.put("cpu", cpuPerOp(before, after, drainedWall, run.sent.size()));
        r.put("load_average", Map.of("before", loadBefore, "after", loadAverage()));
        return r;
    }

    /** CPU seconds (user + system) of each process; a name ending in + adds its live children. */
    static Map<String, Double> cpuSeconds(Map<String, Long> pids) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (var e : pids.entrySet()) {
            double ticks = ticks(e.getValue());
            if (e.getKey().endsWith("+")) {
                java.io.File[] procs = new java.io.File("/proc").listFiles(f -> f.getName().matches("\\d+"));
                for (java.io.File proc : procs == null ? new java.io.File[0] : procs) {
                    long pid = Long.parseLong(proc.getName());
                    if (parentOf(pid) == e.getValue()) ticks += ticks(pid);
                }
            }
            if (ticks >= 0) cpu.put(e.getKey(), ticks / 100.0); // USER_HZ
        }
        return cpu;
    }

    /** utime + stime of a process, in clock ticks; -1 when it is gone. */
    static double ticks(long pid) {
        String[] f = statFields(pid);
        return f == null ? -1 : Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static long parentOf(long pid) {
        String[] f = statFields(pid);
        return f == null ? -1 : Long.parseLong(f[1]);
    }

    /** /proc/pid/stat's fields after the command name (field 3, the state, is index 0). */
    static String[] statFields(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static Map<String, Object> baseline(String bootstrap, int rate, Duration duration) throws Exception {
        String topic = "partnerplan.bench.round-trip";
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) throw e;
        }
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean consuming = new AtomicBoolean(true);
        Thread reader = Thread.ofPlatform().start(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(bootstrap))) {
                consumer.subscribe(List.of(topic));
                while (consuming.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        Long sent = sentAt.remove(r.key());
                        if (sent != null) latencies.add(ms(System.nanoTime() - sent));
                    }
                }
            }
        });
        Thread.sleep(3000);
        Properties p = new Properties();
        // The outbox relay's producer settings (platform EventProducer).
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        String payload = "{\"planId\":\"" + UUID.randomUUID() + "\",\"title\":\"a plan of about the size of a plan event\","
                + "\"vendorOrganisationId\":\"" + UUID.randomUUID() + "\",\"partnerOrganisationId\":\"" + UUID.randomUUID() + "\"}";
        int total = (int) (rate * duration.toSeconds());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger n = new AtomicInteger();
            ticker.scheduleAtFixedRate(() -> {
                if (n.incrementAndGet() > total) return;
                String key = UUID.randomUUID().toString();
                sentAt.put(key, System.nanoTime());
                producer.send(new ProducerRecord<>(topic, key, payload));
            }, 0, TimeUnit.SECONDS.toNanos(1) / rate, TimeUnit.NANOSECONDS);
            Thread.sleep(duration.toMillis() + 3000);
            ticker.shutdownNow();
        }
        consuming.set(false);
        reader.join();
        return stats(latencies, total);
    }

    static Properties consumerProps(String bootstrap) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return c;
    }

    static HttpRequest request(String method, String url, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return b.build();
    }

    static String send(HttpClient http, String method, String url, String token, String body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(method, url, token, body), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static Map<String, Object> stats(List<Double> values, int expected) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("count", v.size());
        s.put("missing", expected - v.size());
        if (!v.isEmpty()) {
            s.put("p50_ms", round(pct(v, 50)));
            s.put("p90_ms", round(pct(v, 90)));
            s.put("p99_ms", round(pct(v, 99)));
            s.put("max_ms", round(v.get(v.size() - 1)));
        }
        return s;
    }

    static double pct(List<Double> sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }

    @SuppressWarnings("unchecked")
    static String toJson(Object o, String indent) {
        if (o instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            for (var e : ((Map<String, Object>) m).entrySet()) {
                parts.add(indent + "  \"" + e.getKey() + "\": " + toJson(e.getValue(), indent + "  "));
            }
            return "{\n" + String.join(",\n", parts) + "\n" + indent + "}";
        }
        if (o instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object x : l) {
                parts.add(indent + "  " + toJson(x, indent + "  "));
            }
            return "[\n" + String.join(",\n", parts) + "\n" + indent + "]";
        }
        return o instanceof String s ? "\"" + s + "\"" : String.valueOf(o);
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[pipeline] " + format + "%n", args);
    }
}
