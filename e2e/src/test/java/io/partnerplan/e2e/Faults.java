package io.partnerplan.e2e;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.Repository;
import io.restassured.http.ContentType;

/**
 * What the fault tests do to the running e2e stack (kill a service, restart PostgreSQL) and how they
 * count afterwards: straight from each service's database, so a reconciliation does not depend on the
 * API that was just broken.
 */
final class Faults {

    private Faults() {
    }

    /** A tenant with a vendor and a partner organisation and a vendor manager of the vendor. */
    record Tenant(String id, String vendor, String partner, String vendorManager) {

        static Tenant create(String prefix) {
            String tenant = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
            String admin = DevTokens.token(tenant, null, "tenant-admin");
            String vendor = organisation(admin, "Contoso", "VENDOR");
            String partner = organisation(admin, "Northwind", "PARTNER");
            String vm = DevTokens.tokenFor(tenant, UUID.fromString(vendor), "vm-" + UUID.randomUUID() + "@contoso.example",
                    "vendor-manager");
            return new Tenant(tenant, vendor, partner, vm);
        }

        /** Drafts a plan; answers the HTTP status (201 expected) and, on 201, adds its id to {@code created}. */
        int draftPlan(String title, List<String> created) {
            var response = given().auth().oauth2(vendorManager).contentType(ContentType.JSON)
                    .body(Map.of("partnerOrganisationId", partner, "title", title,
                            "horizonStart", "2027-02-01", "horizonEnd", "2028-01-31"))
                    .post("/api/v1/plans");
            if (response.statusCode() == 201) {
                synchronized (created) {
                    created.add(response.path("id"));
                }
            }
            return response.statusCode();
        }

        private static String organisation(String token, String name, String kind) {
            return given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("name", name, "kind", kind, "timeZone", "UTC"))
                    .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        }
    }

    /** The plan.created reconciliation of one tenant: plans, their events, what notification-service did with them. */
    record PlanCreatedCounts(long plans, long events, long eventsPublished, long consumed, long inboxItems,
                             long inboxEvents, long doubled) {

        static PlanCreatedCounts of(String tenant) throws SQLException {
            List<String> eventIds = new ArrayList<>();
            long plans;
            long published;
            try (Connection plan = connect("plan")) {
                plans = count(plan, "select count(*) from plan where tenant_id = ?", tenant);
                published = count(plan, "select count(*) from outbox_event where tenant_id = ? and type like '%.plan.created.%'"
                        + " and published_at is not null", tenant);
                try (PreparedStatement s = plan.prepareStatement(
                        "select id from outbox_event where tenant_id = ? and type like '%.plan.created.%'")) {
                    s.setString(1, tenant);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            eventIds.add(rs.getString(1));
                        }
                    }
                }
            }
            try (Connection notification = connect("notification")) {
                long consumed;
                try (PreparedStatement s = notification.prepareStatement(
                        "select count(*) from processed_event where consumer = 'notification.plan-events' and event_id = any (?)")) {
                    s.setArray(1, notification.createArrayOf("text", eventIds.toArray()));
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        consumed = rs.getLong(1);
                    }
                }
                long items = count(notification, "select count(*) from inbox_item where tenant_id = ? and event_type like '%plan.created%'", tenant);
                long events = count(notification, "select count(distinct event_id) from inbox_item where tenant_id = ?"
                        + " and event_type like '%plan.created%'", tenant);
                long doubled = count(notification, "select count(*) from (select 1 from inbox_item where tenant_id = ?"
                        + " group by event_id, recipient having count(*) > 1) d", tenant);
                return new PlanCreatedCounts(plans, eventIds.size(), published, consumed, items, events, doubled);
            }
        }

        @Override
        public String toString() {
            return "plans " + plans + ", plan.created in outbox " + events + " (published " + eventsPublished
                    + "), consumed by notification-service " + consumed + ", inbox items " + inboxItems
                    + " for " + inboxEvents + " events, doubled " + doubled;
        }
    }

    static Connection connect(String database) throws SQLException {
        String hostPort = System.getenv().getOrDefault("PP_PG_HOST_PORT", "127.0.0.1:25432");
        return DriverManager.getConnection("jdbc:postgresql://" + hostPort + "/" + database, database, database);
    }

    static long count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long count(String database, String sql, Object... args) throws SQLException {
        try (Connection c = connect(database)) {
            return count(c, sql, args);
        }
    }

    static ProcessHandle service(String name) throws IOException {
        long pid = Long.parseLong(Files.readString(Repository.root().resolve(".stack/e2e/" + name + ".pid")).trim());
        return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(name + " is not running"));
    }

    /** SIGKILL: no shutdown hook, no commit of offsets, no flush. Returns once its HTTP port is free. */
    static void kill(String name) throws Exception {
        ProcessHandle process = service(name);
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
        int port = E2eStack.GATEWAY + 1 + List.of("plan-service", "kpi-service", "calendar-service", "notification-service").indexOf(name);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
            } catch (IOException free) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was killed but port " + port + " is still taken");
            }
            Thread.sleep(200);
        }
    }

    /** SIGTERM: a graceful stop. */
    static void stop(String name) throws Exception {
        ProcessHandle process = service(name);
        process.destroy();
        process.onExit().get(60, TimeUnit.SECONDS);
    }

    /** scripts/stack up starts whatever of the e2e stack is not running (here: the killed service). */
    static void restartMissing() throws IOException, InterruptedException {
        restartMissing(Map.of());
    }

    /** The same, the started services seeing {@code environment} too (e.g. a faster scheduler tick). */
    static void restartMissing(Map<String, String> environment) throws IOException, InterruptedException {
        run(".stack/e2e-restart.log", environment, "bash", Repository.root().resolve("scripts/stack").toString(), "up",
                "--name", "e2e", "--no-build", "--no-demo");
    }

    /** PostgreSQL's fast shutdown (SIGINT: every session is cut off), then scripts/infra up starts it again. */
    static void stopPostgres() throws IOException, InterruptedException {
        Path home = Path.of(Files.readString(Repository.root().resolve(".infra/test/pg-home")).trim());
        Path pidFile = home.resolve("data/postmaster.pid");
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        run(".stack/e2e-pg-stop.log", "kill", "-INT", Long.toString(pid));
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    }

    static void startInfrastructure() throws IOException, InterruptedException {
        run(".stack/e2e-infra-up.log", "bash", Repository.root().resolve("scripts/infra").toString(), "up", "--profile", "test");
    }

    /** scripts/backup on the test infrastructure (take, list, restore ...): its standard output. */
    static String backup(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", Repository.root().resolve("scripts/backup").toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--profile", "test"));
        Path err = Repository.root().resolve(".stack/e2e-backup.log");
        Files.createDirectories(err.getParent());
        Process process = new ProcessBuilder(command).directory(Repository.root().toFile())
                .redirectError(err.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(4, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(err));
        }
        System.out.print(Files.readString(err));
        return out.strip();
    }

    private static void run(String logName, String... command) throws IOException, InterruptedException {
        run(logName, Map.of(), command);
    }

    private static void run(String logName, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        Path log = Repository.root().resolve(logName);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(Repository.root().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(4, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }
}
