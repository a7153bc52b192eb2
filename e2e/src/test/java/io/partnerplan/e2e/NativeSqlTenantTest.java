package io.partnerplan.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.testing.Repository;

/**
 * Hibernate adds the tenant to every JPQL statement on a {@code TenantScoped} entity, but not to native
 * SQL (docs/decisions/0005). So every native statement ({@code createNativeQuery}, JDBC
 * {@code prepareStatement}) in a service's or platform's main sources that names a table with a
 * {@code tenant_id} column must filter by it ({@code tenant_id = ...} / {@code in}, or write it in an
 * insert), or go by that table's primary key; anything else is listed in {@link #ALLOWED} with the
 * reason it is safe. Tables and their keys are read from the Flyway migrations, so a new table or
 * statement is checked without touching this test.
 */
class NativeSqlTenantTest {

    private static final Path REPO = Repository.root();
    private static final List<String> MODULES = List.of("platform", "plan-service", "kpi-service", "calendar-service",
            "notification-service");

    /** An accepted exception: a statement of {@code file} containing {@code sql} (lower case, spaces collapsed). */
    record Allowed(String file, String sql, String reason) {
    }

    private static final String ACROSS_TENANTS = "a scheduled job that works across tenants on purpose: it selects each row's"
            + " tenant_id and carries it on (Outbox.publishFor, Caller.actAsTenant)";

    static final List<Allowed> ALLOWED = List.of(
            new Allowed("OutboxRelay.java", "from outbox_event where published_at is null",
                    "the relay publishes every tenant's committed events; each row's tenant_id goes into its ce_tenantid header"),
            new Allowed("ChecklistDueDates.java", "select distinct tenant_id from milestone", ACROSS_TENANTS),
            new Allowed("PlanActions.java", "select id, tenant_id, plan_id, title, owner, due_on from action_item", ACROSS_TENANTS),
            new Allowed("EscalationLadder.java", "select distinct tenant_id from escalation", ACROSS_TENANTS),
            new Allowed("ScorecardJob.java", "select distinct d.tenant_id, d.plan_id from scorecard_dirty d", ACROSS_TENANTS),
            new Allowed("CriteriaJob.java", "select distinct tenant_id from milestone_criterion", ACROSS_TENANTS),
            new Allowed("KpiDays.java", "delete from scorecard_dirty where plan_id = ?1",
                    "by plan id, a UUID unique across tenants, that ScorecardJob claimed together with its tenant"),
            new Allowed("Reviews.java", "select r.id, r.tenant_id, r.plan_id, r.due_on, r.sequence, l.lead from plan_review r", ACROSS_TENANTS),
            new Allowed("Reviews.java", "select id, tenant_id, plan_id, due_on, sequence from plan_review", ACROSS_TENANTS),
            new Allowed("AgreedMopTenants.java", "select distinct tenant_id from mutual_operating_period", ACROSS_TENANTS),
            new Allowed("Deliveries.java", "update delivery set next_attempt_at = ?3 where id in",
                    "the email/webhook dispatcher claims due deliveries of every tenant; each row's tenant_id is returned and carried on"),
            new Allowed("Digests.java", "select distinct tenant_id, subject, frequency from digest_item", ACROSS_TENANTS),
            new Allowed("BulkProgress.java", "delete from bulk_upload where updated_at < ?1",
                    "the hourly purge of every tenant's expired upload progress"),
            new Allowed("OutboxMetrics.java", "select count(*), min(occurred_at) from outbox_event where published_at is null",
                    "an operational gauge over every tenant's unpublished events: a count and an age, no tenant's data leaves"),
            new Allowed("DeliveryMetrics.java", "select channel, status, count(*) from delivery where status = 'pending'",
                    "an operational gauge of pending and failed deliveries over every tenant: counts per channel only"),
            new Allowed("Portfolio.java", "<built at run time>",
                    "built with a StringBuilder whose fixed part is 'where s.tenant_id = :tenant and p.tenant_id = :tenant'"));

    record Table(boolean tenantOwned, List<String> primaryKey) {
    }

    record Statement(String file, int line, String sql, boolean dynamic) {
    }

    @Test
    void nativeSqlFiltersByTenantUnlessByPrimaryKey() throws IOException {
        List<String> violations = new ArrayList<>();
        Set<Allowed> used = new HashSet<>();
        int checked = 0;
        for (String module : MODULES) {
            Map<String, Table> tables = tables(module);
            assertFalse(tables.isEmpty(), "no migrations found for " + module);
            for (Statement statement : statements(REPO.resolve(module).resolve("src/main/java"))) {
                checked++;
                String problem = problem(statement, tables);
                if (problem == null) {
                    continue;
                }
                Allowed allowed = ALLOWED.stream().filter(a -> a.file().equals(statement.file())
                        && (statement.dynamic() ? a.sql().equals("<built at run time>") : statement.sql().contains(a.sql())))
                        .findFirst().orElse(null);
                if (allowed != null) {
                    used.add(allowed);
                } else {
                    violations.add(module + "/" + statement.file() + ":" + statement.line() + " " + problem + ": " + statement.sql());
                }
            }
        }
        assertTrue(checked > 50, "found only " + checked + " native statements: is the scan still reading the sources?");
        assertEquals(List.of(), violations, "native SQL on a tenant-owned table must filter by tenant_id or go by primary"
                + " key (docs/architecture.md \"How we write code here\"); fix the statement, or add it to ALLOWED with a reason");
        List<Allowed> stale = ALLOWED.stream().filter(a -> !used.contains(a)).toList();
        assertEquals(List.of(), stale, "ALLOWED entries that match no offending statement any more: remove them");
    }

    @Test
    void theCheckCatchesAStatementWithoutTenant() {
        Map<String, Table> tables = Map.of("plan", new Table(true, List.of("id")), "kpi_day", new Table(false, List.of("plan_id")));
        assertTrue(problem(new Statement("X.java", 1, "select * from plan where status = ?1", false), tables) != null);
        assertTrue(problem(new Statement("X.java", 1, "update plan p set title = ?2 where p.status = 'draft'", false), tables) != null);
        assertEquals(null, problem(new Statement("X.java", 1, "select * from plan where tenant_id = ?1 and status = ?2", false), tables));
        assertEquals(null, problem(new Statement("X.java", 1, "update plan set title = ?2 where id = ?1", false), tables));
        assertEquals(null, problem(new Statement("X.java", 1, "insert into plan as p (id, tenant_id) values (?, ?)", false), tables));
        assertEquals(null, problem(new Statement("X.java", 1, "delete from kpi_day where day < ?1", false), tables));
    }

    /** Why the statement is unsafe, or null when it is fine. */
    static String problem(Statement statement, Map<String, Table> tables) {
        if (statement.dynamic()) {
            return "built at run time, not checkable";
        }
        String sql = statement.sql();
        Set<String> owned = new TreeSet<>();
        Matcher names = Pattern.compile("\\b(?:from|join|into|update)\\s+(\\w+)").matcher(sql);
        while (names.find()) {
            Table table = tables.get(names.group(1));
            if (table != null && table.tenantOwned()) {
                owned.add(names.group(1));
            }
        }
        if (owned.isEmpty()
                || Pattern.compile("\\btenant_id\\s*(=|in\\b)").matcher(sql).find()
                || Pattern.compile("insert into \\w+(\\s+as\\s+\\w+)?\\s*\\([^)]*\\btenant_id\\b").matcher(sql).find()) {
            return null;
        }
        for (String name : owned) {
            List<String> key = tables.get(name).primaryKey().stream().filter(c -> !c.equals("tenant_id")).toList();
            boolean byKey = !key.isEmpty() && key.stream().allMatch(column ->
                    Pattern.compile("(^|[^\\w.]|\\w\\.)" + column + "\\s*=\\s*(\\?|:|any\\s*\\()").matcher(sql).find());
            if (!byKey) {
                return "no tenant_id filter on " + name + " and not by its primary key " + tables.get(name).primaryKey();
            }
        }
        return null;
    }

    /** Tables of the module's database (its migrations plus platform's), with whether they have tenant_id and their key. */
    static Map<String, Table> tables(String module) throws IOException {
        List<Path> scripts = new ArrayList<>(sql(REPO.resolve("platform/src/main/resources/db")));
        if (!module.equals("platform")) {
            scripts.addAll(sql(REPO.resolve(module).resolve("src/main/resources/db")));
        }
        Map<String, Table> tables = new HashMap<>();
        Pattern create = Pattern.compile("create table (?:if not exists )?(\\w+)\\s*\\((.*?)\\n\\);", Pattern.DOTALL);
        Pattern compositeKey = Pattern.compile("primary key\\s*\\(([^)]*)\\)");
        Pattern addTenant = Pattern.compile("alter table (\\w+) add column (?:if not exists )?tenant_id\\b");
        for (Path script : scripts) {
            String text = Files.readString(script).toLowerCase(Locale.ROOT);
            Matcher m = create.matcher(text);
            while (m.find()) {
                String body = m.group(2);
                List<String> key = new ArrayList<>();
                Matcher composite = compositeKey.matcher(body);
                if (composite.find()) {
                    for (String column : composite.group(1).split(",")) {
                        key.add(column.strip());
                    }
                } else {
                    for (String column : body.split("\\n")) {
                        if (column.contains("primary key")) {
                            key.add(column.strip().split("\\s+")[0]);
                        }
                    }
                }
                tables.put(m.group(1), new Table(Pattern.compile("\\btenant_id\\b").matcher(body).find(), key));
            }
            Matcher added = addTenant.matcher(text);
            while (added.find()) {
                Table old = tables.get(added.group(1));
                tables.put(added.group(1), new Table(true, old == null ? List.of("id") : old.primaryKey()));
            }
        }
        return tables;
    }

    private static List<Path> sql(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
    }

    /** Every createNativeQuery / prepareStatement call and the SQL its string literals spell. */
    static List<Statement> statements(Path sources) throws IOException {
        List<Statement> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        Pattern call = Pattern.compile("\\b(?:createNativeQuery|prepareStatement)\\(");
        for (Path file : files) {
            String src = Files.readString(file);
            Matcher m = call.matcher(src);
            while (m.find()) {
                int i = m.end();
                StringBuilder sql = new StringBuilder();
                boolean literal = false;
                while (true) {
                    i = skipSpace(src, i);
                    if (src.startsWith("\"\"\"", i)) {
                        int end = src.indexOf("\"\"\"", i + 3);
                        sql.append(src, i + 3, end).append(' ');
                        i = end + 3;
                    } else if (src.charAt(i) == '"') {
                        int j = i + 1;
                        while (src.charAt(j) != '"') {
                            j += src.charAt(j) == '\\' ? 2 : 1;
                        }
                        sql.append(src, i + 1, j).append(' ');
                        i = j + 1;
                    } else {
                        break; // not a literal: a variable or a builder
                    }
                    literal = true;
                    i = skipSpace(src, i);
                    if (src.charAt(i) != '+') {
                        break;
                    }
                    i++;
                }
                int line = (int) src.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                String text = String.join(" ", sql.toString().strip().split("\\s+")).toLowerCase(Locale.ROOT);
                found.add(new Statement(file.getFileName().toString(), line, text, !literal));
            }
        }
        return found;
    }

    private static int skipSpace(String src, int i) {
        while (Character.isWhitespace(src.charAt(i))) {
            i++;
        }
        return i;
    }
}
