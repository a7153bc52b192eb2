package io.partnerplan.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.partnerplan.platform.testing.Repository;
import io.restassured.http.ContentType;

/**
 * Two replicas of every service with a scheduler that announces something once: calendar-service
 * (review.due / review.overdue, period.closing / period.closed), kpi-service (criteria whose window
 * passed: kpi.criterion.*), plan-service (action.overdue with its escalation.raised) and
 * notification-service (members' daily and weekly email digests), each job ticking every second on
 * both replicas over the same database while work comes due in small batches: every announcement is
 * made exactly once, none is missed, and every digest due is mailed once (counted in the stack's mail sink).
 */
class SchedulerReplicasFaultIT {

    private static final int BATCHES = 10;
    /** Per batch: reviews of each kind (coming due, due today, overdue), MOPs, criteria, overdue actions. */
    private static final int REVIEWS = 6;
    private static final int MOPS = 3;
    private static final int CRITERIA = 3;
    private static final int ACTIONS = 3;
    /** Per batch: members with a daily digest, a weekly one, and both (two digests each). */
    private static final int DIGEST_MEMBERS = 3;
    /** GreenMail's REST API and SMTP port (scripts/stack: base + 5, base + 25). */
    private static final int MAIL_API = E2eStack.GATEWAY + 5;
    private static final int SMTP = E2eStack.GATEWAY + 25;
    private static final Map<String, String> FAST_TICKS = Map.of(
            "PARTNERPLAN_REVIEWS_CHECK_INTERVAL", "1s",
            "PARTNERPLAN_PERIODS_CHECK_INTERVAL", "1s",
            "PARTNERPLAN_CRITERIA_CHECK_INTERVAL", "1s",
            "PARTNERPLAN_ACTIONS_CHECK_INTERVAL", "1s",
            "PARTNERPLAN_ESCALATIONS_CHECK_INTERVAL", "1s",
            "PARTNERPLAN_MILESTONES_CHECK_INTERVAL", "1s",
            "PARTNERPLAN_DIGEST_INTERVAL", "1s",
            "PARTNERPLAN_EMAIL_INTERVAL", "1s",
            // Each replica logs the digests it sent ("Digest DAILY sent to ..."): which one sent what.
            "QUARKUS_LOG_CATEGORY__IO_PARTNERPLAN_NOTIFICATION_DIGEST__LEVEL", "DEBUG");
    /** The second replica of each service, with the database it shares and its own port. */
    private static final Map<String, String> DATABASES = Map.of("calendar-service", "calendar", "kpi-service", "kpi",
            "plan-service", "plan", "notification-service", "notification");
    private static final List<Process> replicas = new ArrayList<>();

    @BeforeAll
    static void twoReplicasEach() throws Exception {
        E2eStack.ensureUp();
        // The stack's own replicas, restarted with fast ticks; then a second one of each on another port.
        for (String service : DATABASES.keySet()) {
            Faults.stop(service);
        }
        Faults.restartMissing(FAST_TICKS);
        int port = E2eStack.GATEWAY + 21;
        for (String service : List.of("calendar-service", "kpi-service", "plan-service", "notification-service")) {
            replicas.add(startReplica(service, port++));
        }
    }

    private static Process startReplica(String service, int port) throws Exception {
        Path repo = Repository.root();
        ProcessBuilder pb = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xms64m", "-Xmx256m",
                "-XX:+UseSerialGC", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-jar",
                repo.resolve(service + "/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(repo.resolve(".stack/e2e/logs/" + service + "-replica.log").toFile());
        pb.environment().putAll(FAST_TICKS);
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + System.getenv("PP_PG_HOST_PORT") + "/"
                + DATABASES.get(service));
        pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", KafkaProbe.bootstrap());
        // notification-service mails to the stack's sink and may call its local webhook receivers, as its first replica.
        pb.environment().put("QUARKUS_MAILER_HOST", "127.0.0.1");
        pb.environment().put("QUARKUS_MAILER_PORT", Integer.toString(SMTP));
        pb.environment().put("PARTNERPLAN_EMAIL_LINK_BASE_URL", "http://127.0.0.1:" + E2eStack.GATEWAY);
        pb.environment().put("PARTNERPLAN_WEBHOOKS_ALLOW_INSECURE", "true");
        pb.environment().put("PARTNERPLAN_WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true");
        // The stack's webhook key (scripts/stack): the prod profile refuses to start without one.
        pb.environment().put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");  // its log is read as text below
        pb.environment().put("PARTNERPLAN_WEBHOOKS_SECRET_KEY", Files.readString(repo.resolve(".stack/e2e/webhook-key")).strip());
        pb.environment().put("MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                "file:" + repo.resolve("platform/testing/src/main/resources/devkeys/public.pem"));
        Process replica = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return replica;
    }

    @AfterAll
    static void oneReplicaAgain() throws Exception {
        for (Process replica : replicas) {
            replica.destroy();
            replica.waitFor(30, TimeUnit.SECONDS);
        }
        for (String service : DATABASES.keySet()) {
            Faults.stop(service);
        }
        Faults.restartMissing(Map.of());
    }

    @Test
    void eachAnnouncementIsMadeOnceByOneOfTwoReplicas() throws Exception {
        Faults.Tenant tenant = Faults.Tenant.create("replicas");
        String t = tenant.id();
        LocalDate today = LocalDate.now();
        String admin = DevTokens.token(t, null, "tenant-admin");
        String kpi = "replicas-" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", kpi, "name", "Deals registered", "unit", "COUNT", "direction", "HIGHER_IS_BETTER",
                        "aggregation", "SUM"))
                .post("/api/v1/kpis").then().statusCode(201);
        List<String> plans = new ArrayList<>();
        for (int i = 0; i < ACTIONS; i++) {
            assertEquals(201, tenant.draftPlan("Replicas plan " + i, plans));
        }
        String owner = (String) given().auth().oauth2(tenant.vendorManager()).get("/api/v1/plans/{id}/members", plans.get(0))
                .then().statusCode(200).extract().path("items[0].subject");

        // Straight into each service's tables (as the consumers and APIs would have put them), in small
        // batches so that both replicas' ticks meet fresh work again and again.
        // Digest members: subject -> the frequencies of the items waiting for them (one digest each).
        Map<String, List<String>> digestsDue = new HashMap<>();
        try (Connection calendar = Faults.connect("calendar"); Connection kpiDb = Faults.connect("kpi");
             Connection plan = Faults.connect("plan"); Connection notification = Faults.connect("notification")) {
            for (int batch = 0; batch < BATCHES; batch++) {
                holdDigests(notification, t, batch, digestsDue);
                try (PreparedStatement s = calendar.prepareStatement("insert into plan_review (id, tenant_id, plan_id,"
                        + " vendor_organisation_id, partner_organisation_id, sequence, due_on, planned_on, status)"
                        + " values (?, ?, ?, ?, ?, 1, ?, ?, 'SCHEDULED')")) {
                    for (int i = 0; i < 3 * REVIEWS; i++) {
                        LocalDate due = switch (i % 3) {
                            case 0 -> today.plusDays(3);    // coming due: review.due (lead time 7)
                            case 1 -> today;                // due today: review.due (lead time 0)
                            default -> today.minusDays(20); // past the grace days: review.overdue
                        };
                        s.setObject(1, UUID.randomUUID());
                        s.setString(2, t);
                        s.setObject(3, UUID.randomUUID());
                        s.setObject(4, UUID.randomUUID());
                        s.setObject(5, UUID.randomUUID());
                        s.setObject(6, due);
                        s.setObject(7, due);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                // Agreed MOPs, each with a period ended two days ago (period.closed), one ending in three days
                // (period.closing) and one far ahead (nothing yet).
                try (PreparedStatement s = calendar.prepareStatement("insert into mutual_operating_period (id, tenant_id,"
                        + " vendor_organisation_id, partner_organisation_id, form, status, horizon_start, horizon_end, periods,"
                        + " proposed_by, proposed_at, version) values (?, ?, ?, ?, 'SHARED_QUARTER_END', 'AGREED', ?, ?,"
                        + " cast(? as jsonb), 'replicas', now(), 0)")) {
                    for (int i = 0; i < MOPS; i++) {
                        LocalDate start = today.minusDays(60);
                        String periods = """
                                [{"label":"MOP P1","start":"%s","end":"%s"},{"label":"MOP P2","start":"%s","end":"%s"},\
                                {"label":"MOP P3","start":"%s","end":"%s"}]""".formatted(start, today.minusDays(2),
                                today.minusDays(1), today.plusDays(3), today.plusDays(4), today.plusDays(90));
                        s.setObject(1, UUID.randomUUID());
                        s.setString(2, t);
                        s.setObject(3, UUID.randomUUID());
                        s.setObject(4, UUID.randomUUID());
                        s.setObject(5, start);
                        s.setObject(6, today.plusDays(90));
                        s.setString(7, periods);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                // KPI criteria whose window passed yesterday, on track so far: decided (missed: no values) once.
                try (PreparedStatement s = kpiDb.prepareStatement("insert into milestone_criterion (id, tenant_id, plan_id,"
                        + " milestone_id, kpi_key, threshold, window_start, window_end, state) values (?, ?, ?, ?, ?, 100, ?, ?, 'ON_TRACK')")) {
                    for (int i = 0; i < CRITERIA; i++) {
                        s.setObject(1, UUID.randomUUID());
                        s.setString(2, t);
                        s.setObject(3, UUID.randomUUID());
                        s.setObject(4, UUID.randomUUID());
                        s.setString(5, kpi);
                        s.setObject(6, today.minusDays(90));
                        s.setObject(7, today.minusDays(1));
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                // Open action items due last week: action.overdue (and an escalation) once each.
                try (PreparedStatement s = plan.prepareStatement("insert into action_item (id, tenant_id, plan_id, title,"
                        + " owner, due_on, status, created_at, version) values (?, ?, ?, ?, ?, ?, 'OPEN', now(), 0)")) {
                    for (int i = 0; i < ACTIONS; i++) {
                        s.setObject(1, UUID.randomUUID());
                        s.setString(2, t);
                        s.setObject(3, UUID.fromString(plans.get(i % plans.size())));
                        s.setString(4, "Send the co-marketing brief " + batch + "." + i);
                        s.setString(5, owner);
                        s.setObject(6, today.minusDays(7));
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                Thread.sleep(700);
            }
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                Faults.count("calendar", "select count(*) from plan_review where tenant_id = ? and status = 'SCHEDULED'", t) == 0
                        && Faults.count("calendar", "select count(*) from period_announcement where tenant_id = ?", t) == 2L * MOPS * BATCHES
                        && Faults.count("kpi", "select count(*) from milestone_criterion where tenant_id = ?"
                        + " and state in ('ON_TRACK', 'AT_RISK')", t) == 0
                        && Faults.count("plan", "select count(*) from action_item where tenant_id = ? and overdue_announced_at is null", t) == 0
                        && Faults.count("notification", "select count(*) from digest_item where tenant_id = ? and digest_key is null", t) == 0
                        && Faults.count("notification", "select count(*) from delivery where tenant_id = ? and event_type = 'digest'"
                        + " and status = 'SENT'", t) == digestCount(digestsDue));
        Thread.sleep(3000); // a few more ticks of every replica: nothing more may fire

        Map<String, Long> counts = new HashMap<>();
        String events = "select count(*) from outbox_event where tenant_id = ? and type = ?";
        String distinct = "select count(distinct payload::jsonb ->> '%s') from outbox_event where tenant_id = ? and type = ?";
        String twice = "select count(*) from (select 1 from outbox_event where tenant_id = ? and type = ?"
                + " group by payload::jsonb ->> '%s'%s having count(*) > 1) d";
        record Kind(String database, String type, String key, String also) {
        }
        List<Kind> kinds = List.of(
                new Kind("calendar", "review.due", "reviewId", ", payload::jsonb ->> 'dueOn', payload::jsonb ->> 'daysUntilDue'"),
                new Kind("calendar", "review.overdue", "reviewId", ""),
                new Kind("calendar", "period.closing", "mopId", ", payload::jsonb ->> 'scope', payload::jsonb ->> 'periodEnd'"),
                new Kind("calendar", "period.closed", "mopId", ", payload::jsonb ->> 'scope', payload::jsonb ->> 'periodEnd'"),
                new Kind("kpi", "kpi.criterion.missed", "criterionId", ""),
                new Kind("kpi", "kpi.criterion.met", "criterionId", ""),
                new Kind("plan", "action.overdue", "actionId", ""),
                new Kind("plan", "escalation.raised", "causeId", ""));
        StringBuilder report = new StringBuilder();
        for (Kind kind : kinds) {
            String type = "io.partnerplan." + kind.type() + ".v1";
            long n = Faults.count(kind.database(), events, t, type);
            long subjects = Faults.count(kind.database(), distinct.formatted(kind.key()), t, type);
            long doubled = Faults.count(kind.database(), twice.formatted(kind.key(), kind.also()), t, type);
            counts.put(kind.type(), n);
            counts.put(kind.type() + " subjects", subjects);
            counts.put(kind.type() + " twice", doubled);
            report.append(String.format("%n  %-21s %4d events for %4d %s, announced twice %d", kind.type(), n, subjects,
                    kind.key(), doubled));
        }
        long reviews = Faults.count("calendar", "select count(*) from plan_review where tenant_id = ?", t);
        long criteria = Faults.count("kpi", "select count(*) from milestone_criterion where tenant_id = ?", t);
        long actions = Faults.count("plan", "select count(*) from action_item where tenant_id = ?", t);
        System.out.printf("Two replicas of each scheduler reconciliation: reviews %d (expected review.due %d, review.overdue %d),"
                        + " agreed MOPs %d (expected period.closing %d, period.closed %d), criteria %d, overdue actions %d:%s%n",
                reviews, 2 * REVIEWS * BATCHES, REVIEWS * BATCHES, MOPS * BATCHES, MOPS * BATCHES, MOPS * BATCHES, criteria,
                actions, report);
        // Digests: the database's view (digest runs, queued emails) and the mail sink's (mails per member).
        long due = digestCount(digestsDue);
        long runs = Faults.count("notification", "select count(*) from digest_run where tenant_id = ?", t);
        long emails = Faults.count("notification", "select count(*) from delivery where tenant_id = ? and event_type = 'digest'", t);
        long waiting = Faults.count("notification", "select count(*) from digest_item where tenant_id = ? and digest_key is null", t);
        long mails = 0;
        List<String> wrongMailCounts = new ArrayList<>();
        for (var member : digestsDue.entrySet()) {
            List<String> subjects = mailSubjects(member.getKey() + "@replicas.example");
            mails += subjects.size();
            if (subjects.size() != member.getValue().size()) {
                wrongMailCounts.add(member.getKey() + ": " + subjects);
            }
        }
        Path logs = Repository.root().resolve(".stack/e2e/logs");
        long sentByFirst = digestsLogged(logs.resolve("notification-service.log"), t);
        long sentBySecond = digestsLogged(logs.resolve("notification-service-replica.log"), t);
        System.out.printf("Two replicas of the digest job: %d members (%d daily, %d weekly), %d digests due, %d digest runs,"
                        + " %d digest emails queued, %d mails in the sink, %d members with another number of mails than due,"
                        + " %d items still waiting; sent by the first replica %d, by the second %d%n", digestsDue.size(),
                digestsDue.values().stream().filter(f -> f.contains("DAILY")).count(),
                digestsDue.values().stream().filter(f -> f.contains("WEEKLY")).count(), due, runs, emails, mails,
                wrongMailCounts.size(), waiting, sentByFirst, sentBySecond);
        for (String service : List.of("calendar-service", "kpi-service", "plan-service", "notification-service")) {
            System.out.println(service + " replica log lines: " + Files.readAllLines(Repository.root()
                    .resolve(".stack/e2e/logs/" + service + "-replica.log")).size());
        }

        assertEquals(3L * REVIEWS * BATCHES, reviews);
        assertEquals(2L * REVIEWS * BATCHES, counts.get("review.due"));
        assertEquals(REVIEWS * BATCHES, counts.get("review.overdue"));
        assertEquals(reviews, counts.get("review.due subjects") + counts.get("review.overdue subjects"));
        assertEquals((long) MOPS * BATCHES, counts.get("period.closing"));
        assertEquals((long) MOPS * BATCHES, counts.get("period.closing subjects"));
        assertEquals((long) MOPS * BATCHES, counts.get("period.closed"));
        assertEquals((long) MOPS * BATCHES, counts.get("period.closed subjects"));
        assertEquals(criteria, counts.get("kpi.criterion.missed") + counts.get("kpi.criterion.met"));
        assertEquals(criteria, counts.get("kpi.criterion.missed subjects") + counts.get("kpi.criterion.met subjects"));
        assertEquals((long) CRITERIA * BATCHES, criteria);
        assertEquals((long) ACTIONS * BATCHES, actions);
        assertEquals(actions, counts.get("action.overdue"));
        assertEquals(actions, counts.get("action.overdue subjects"));
        assertEquals(actions, counts.get("escalation.raised"));
        assertEquals(actions, counts.get("escalation.raised subjects"));
        for (Kind kind : kinds) {
            assertEquals(0, counts.get(kind.type() + " twice"), kind.type() + " announced twice");
        }
        assertEquals(4L * BATCHES, due);
        assertEquals(due, runs, "one digest run per member and period");
        assertEquals(due, emails, "one digest email queued per member and period");
        assertEquals(0, waiting, "every item went into its member's digest");
        assertEquals(List.of(), wrongMailCounts, "members mailed another number of digests than due");
        assertEquals(due, mails);
        assertEquals(due, sentByFirst + sentBySecond, "each digest sent by one replica");
    }

    /** Digests of {@code tenant}'s members a replica's log says it sent. */
    private static long digestsLogged(Path log, String tenant) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("Digest ") && l.contains(" sent to " + tenant + "-digest-")).count();
        }
    }

    /**
     * Members of this batch with digest settings due now (UTC, digest time 00:00, weekly on today's day)
     * and items waiting, in one transaction per batch as the consumers would have held them: one member
     * with a daily digest, one with a weekly one, one with both.
     */
    private static void holdDigests(Connection db, String tenant, int batch, Map<String, List<String>> due) throws Exception {
        db.setAutoCommit(false);
        // Addresses and languages come from the directory (person), never from a membership.
        try (PreparedStatement member = db.prepareStatement("insert into plan_recipient (id, tenant_id, plan_id, subject,"
                + " organisation_id, side, role, display_name) values (?, ?, ?, ?, ?, 'VENDOR', 'OWNER', ?)");
             PreparedStatement person = db.prepareStatement("insert into person (tenant_id, subject, person_id, organisation_id,"
                     + " display_name, email, locale, version, learned_at) values (?, ?, ?, ?, ?, ?, 'en', 0, now())");
             PreparedStatement settings = db.prepareStatement("insert into member_setting (tenant_id, subject, time_zone,"
                     + " digest_time, weekly_digest_day, updated_at) values (?, ?, 'UTC', '00:00', ?, now())");
             PreparedStatement item = db.prepareStatement("insert into digest_item (id, tenant_id, subject, frequency, event_id,"
                     + " event_type, title, link, created_at) values (?, ?, ?, ?, ?, 'io.partnerplan.review.due.v1', ?, '/api/v1/plans', now())")) {
            for (int m = 0; m < DIGEST_MEMBERS; m++) {
                String subject = tenant + "-digest-" + batch + "-" + m;
                List<String> frequencies = switch (m) {
                    case 0 -> List.of("DAILY");
                    case 1 -> List.of("WEEKLY");
                    default -> List.of("DAILY", "WEEKLY");
                };
                due.put(subject, frequencies);
                member.setObject(1, UUID.randomUUID());
                member.setString(2, tenant);
                member.setObject(3, UUID.randomUUID());
                member.setString(4, subject);
                UUID organisation = UUID.randomUUID();
                member.setObject(5, organisation);
                member.setString(6, "Member " + batch + "." + m);
                member.executeUpdate();
                person.setString(1, tenant);
                person.setString(2, subject);
                person.setObject(3, UUID.randomUUID());
                person.setObject(4, organisation);
                person.setString(5, "Member " + batch + "." + m);
                person.setString(6, subject + "@replicas.example");
                person.executeUpdate();
                settings.setString(1, tenant);
                settings.setString(2, subject);
                settings.setString(3, LocalDate.now(ZoneOffset.UTC).getDayOfWeek().name());
                settings.executeUpdate();
                for (String frequency : frequencies) {
                    for (int i = 0; i < 2; i++) {
                        item.setObject(1, UUID.randomUUID());
                        item.setString(2, tenant);
                        item.setString(3, subject);
                        item.setString(4, frequency);
                        item.setString(5, UUID.randomUUID().toString());
                        item.setString(6, "Review " + batch + "." + m + "." + i + " is due");
                        item.executeUpdate();
                    }
                }
            }
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static long digestCount(Map<String, List<String>> due) {
        return due.values().stream().mapToLong(List::size).sum();
    }

    /** The subjects of the mails the stack's sink holds for {@code address}. */
    private static List<String> mailSubjects(String address) {
        List<String> subjects = given().baseUri("http://127.0.0.1").port(MAIL_API)
                .get("/api/user/{email}/messages/", address).then().statusCode(200).extract().path("subject");
        return subjects == null ? List.of() : subjects;
    }
}
