package io.partnerplan.kpi.attainment;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.postgresql.PGConnection;

/**
 * A plan's values per KPI and day ({@code kpi_day}): writers append their changes to
 * {@code scorecard_dirty} (no shared row, so no writer waits for another); {@link #fold} adds them
 * to {@code kpi_day} under the plan's summary lock; readers see both. So a write costs the same
 * however many values are stored, and reads follow the days of a window, not the values.
 */
@ApplicationScoped
public class KpiDays {

    /** One change of a KPI's day: values added (count > 0) or taken away (recompute, the day is read again). */
    public record Change(String tenant, UUID plan, UUID kpi, LocalDate day, BigDecimal total, long count,
                         BigDecimal lastValue, Instant lastRecordedAt, UUID lastId, boolean recompute) {

        public static Change added(String tenant, UUID plan, UUID kpi, LocalDate day, BigDecimal value,
                                   Instant recordedAt, UUID id) {
            return new Change(tenant, plan, kpi, day, value, 1, value, recordedAt, id, false);
        }

        public static Change removed(String tenant, UUID plan, UUID kpi, LocalDate day, BigDecimal value) {
            return new Change(tenant, plan, kpi, day, value.negate(), -1, null, null, null, true);
        }

        /** This and another change of the same day as one. */
        Change plus(Change o) {
            boolean laterLast = o.lastId != null && (lastId == null || o.lastRecordedAt.isAfter(lastRecordedAt)
                    || o.lastRecordedAt.equals(lastRecordedAt) && o.lastId.compareTo(lastId) > 0);
            return new Change(tenant, plan, kpi, day, total.add(o.total), count + o.count,
                    laterLast ? o.lastValue : lastValue, laterLast ? o.lastRecordedAt : lastRecordedAt,
                    laterLast ? o.lastId : lastId, recompute || o.recompute);
        }

        record Key(UUID kpi, LocalDate day) {
        }

        Key key() {
            return new Key(kpi, day);
        }
    }

    private static final String COPY = "copy scorecard_dirty (tenant_id, plan_id, marked_at, kpi_id, day, total, count, "
            + "last_value, last_recorded_at, last_id, recompute) from stdin with (format csv)";

    private final EntityManager em;

    public KpiDays(EntityManager em) {
        this.em = em;
    }

    /** Appends changes, those of one plan, KPI and day merged first (a bulk batch has many per day). */
    public void record(Collection<Change> changes, Instant now) {
        if (changes.isEmpty()) {
            return;
        }
        Map<List<Object>, Change> merged = new LinkedHashMap<>();
        for (Change c : changes) {
            merged.merge(List.of(c.plan, c.kpi, c.day, c.recompute), c, Change::plus);
        }
        StringBuilder csv = new StringBuilder(merged.size() * 200);
        for (Change c : merged.values()) {
            csv.append('"').append(c.tenant.replace("\"", "\"\"")).append("\",").append(c.plan).append(',').append(now)
                    .append(',').append(c.kpi).append(',').append(c.day).append(',').append(c.total.toPlainString())
                    .append(',').append(c.count).append(',').append(c.lastValue == null ? "" : c.lastValue.toPlainString())
                    .append(',').append(c.lastRecordedAt == null ? "" : c.lastRecordedAt.toString())
                    .append(',').append(c.lastId == null ? "" : c.lastId.toString()).append(',').append(c.recompute).append('\n');
        }
        em.unwrap(Session.class).doWork(connection -> {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY of scorecard changes failed", e);
            }
        });
    }

    /**
     * Takes the plan's marks and adds their changes to {@code kpi_day}. Call with the plan's summary lock
     * held (one folder per plan). A day that lost a value is read again from its measurements, in one
     * statement with taking that day's newer marks, so nothing is counted twice or missed.
     * @return how many marks were taken (0: nothing changed)
     */
    @SuppressWarnings("unchecked")
    public int fold(String tenant, UUID plan) {
        List<Object[]> marks = em.createNativeQuery("""
                        delete from scorecard_dirty where plan_id = ?1
                        returning kpi_id, day, total, count, last_value, last_recorded_at, last_id, recompute""")
                .setParameter(1, plan).getResultList();
        Map<Change.Key, Change> days = new TreeMap<>(java.util.Comparator.comparing((Change.Key k) -> k.kpi())
                .thenComparing(Change.Key::day));
        for (Object[] m : marks) {
            if (m[0] == null) {
                continue; // a mark of the plan only (targets, periods)
            }
            Change c = new Change(tenant, plan, (UUID) m[0], date(m[1]), (BigDecimal) m[2], ((Number) m[3]).longValue(),
                    (BigDecimal) m[4], instant(m[5]), (UUID) m[6], (Boolean) m[7]);
            days.merge(c.key(), c, Change::plus);
        }
        List<Change> added = days.values().stream().filter(c -> !c.recompute).toList();
        if (!added.isEmpty()) {
            em.flush();
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement add = connection.prepareStatement("""
                        insert into kpi_day as k (tenant_id, plan_id, kpi_id, day, total, count, last_value, last_recorded_at, last_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (plan_id, kpi_id, day) do update set total = k.total + excluded.total,
                            count = k.count + excluded.count,
                            last_value = case when later then excluded.last_value else k.last_value end,
                            last_recorded_at = case when later then excluded.last_recorded_at else k.last_recorded_at end,
                            last_id = case when later then excluded.last_id else k.last_id end"""
                        .replace("later", "(k.last_id is null or (excluded.last_recorded_at, excluded.last_id) > (k.last_recorded_at, k.last_id))"))) {
                    for (Change c : added) {
                        add.setString(1, tenant);
                        add.setObject(2, plan);
                        add.setObject(3, c.kpi);
                        add.setObject(4, c.day);
                        add.setBigDecimal(5, c.total);
                        add.setLong(6, c.count);
                        add.setBigDecimal(7, c.lastValue);
                        add.setObject(8, c.lastRecordedAt == null ? null : OffsetDateTime.ofInstant(c.lastRecordedAt, java.time.ZoneOffset.UTC));
                        add.setObject(9, c.lastId);
                        add.addBatch();
                    }
                    add.executeBatch();
                }
            });
        }
        for (Change c : days.values()) {
            if (c.recompute) {
                recompute(tenant, plan, c.kpi, c.day);
            }
        }
        return marks.size();
    }

    private void recompute(String tenant, UUID plan, UUID kpi, LocalDate day) {
        em.createNativeQuery("""
                        with newer as (delete from scorecard_dirty where plan_id = ?1 and kpi_id = ?2 and day = ?3 returning id),
                        m as (select value, recorded_at, id from measurement
                              where tenant_id = ?4 and plan_id = ?1 and kpi_id = ?2 and occurred_on = ?3)
                        insert into kpi_day (tenant_id, plan_id, kpi_id, day, total, count, last_value, last_recorded_at, last_id)
                        select ?4, ?1, ?2, ?3, coalesce(sum(value), 0), count(*),
                               (array_agg(value order by recorded_at desc, id desc))[1], max(recorded_at),
                               (array_agg(id order by recorded_at desc, id desc))[1]
                        from m where (select count(*) from newer) >= 0
                        on conflict (plan_id, kpi_id, day) do update set total = excluded.total, count = excluded.count,
                            last_value = excluded.last_value, last_recorded_at = excluded.last_recorded_at,
                            last_id = excluded.last_id""")
                .setParameter(1, plan).setParameter(2, kpi).setParameter(3, day).setParameter(4, tenant).executeUpdate();
        em.createNativeQuery("delete from kpi_day where plan_id = ?1 and kpi_id = ?2 and day = ?3 and count = 0")
                .setParameter(1, plan).setParameter(2, kpi).setParameter(3, day).executeUpdate();
    }

    /**
     * Several KPIs' days from {@code from} to {@code to}, oldest first, by KPI: folded days and marks not yet folded.
     * Read over plain JDBC: five years of twenty KPIs is 18,000+ rows, and Hibernate's row handling of a native
     * query cost more than the database's reading of them.
     */
    public Map<UUID, List<Observation>> byKpi(String tenant, UUID plan, List<UUID> kpis, LocalDate from, LocalDate to) {
        Map<UUID, List<Observation>> result = new HashMap<>();
        if (kpis.isEmpty()) {
            return result;
        }
        Map<Change.Key, Change> changes = new HashMap<>();
        List<Change> all = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            java.sql.Array ids = connection.createArrayOf("uuid", kpis.toArray());
            try (PreparedStatement pending = connection.prepareStatement("""
                    select kpi_id, day, total, count, last_value, last_recorded_at, last_id, recompute from scorecard_dirty
                    where plan_id = ? and tenant_id = ? and kpi_id = any(?) and day between ? and ?""")) {
                bind(pending, plan, tenant, ids, from, to);
                try (ResultSet r = pending.executeQuery()) {
                    while (r.next()) {
                        Change c = change(tenant, plan, r, r.getBoolean(8));
                        changes.merge(c.key(), c, Change::plus);
                    }
                }
            }
            try (PreparedStatement folded = connection.prepareStatement("""
                    select kpi_id, day, total, count, last_value, last_recorded_at, last_id from kpi_day
                    where plan_id = ? and tenant_id = ? and kpi_id = any(?) and day between ? and ?
                    order by day""")) {
                bind(folded, plan, tenant, ids, from, to);
                try (ResultSet r = folded.executeQuery()) {
                    while (r.next()) {
                        Change day = change(tenant, plan, r, false);
                        Change pendingOfDay = changes.isEmpty() ? null : changes.remove(day.key());
                        all.add(pendingOfDay == null ? day : day.plus(pendingOfDay));
                    }
                }
            }
        });
        all.addAll(changes.values());
        if (!changes.isEmpty()) {
            all.sort(java.util.Comparator.comparing(Change::day));
        }
        for (Change c : all) {
            if (c.count > 0) {
                result.computeIfAbsent(c.kpi, k -> new ArrayList<>()).add(new Observation(c.day, c.total, c.count, c.lastValue));
            }
        }
        return result;
    }

    private static void bind(PreparedStatement statement, UUID plan, String tenant, java.sql.Array kpis, LocalDate from,
                             LocalDate to) throws SQLException {
        statement.setObject(1, plan);
        statement.setString(2, tenant);
        statement.setArray(3, kpis);
        statement.setObject(4, from);
        statement.setObject(5, to);
    }

    private static Change change(String tenant, UUID plan, ResultSet r, boolean recompute) throws SQLException {
        OffsetDateTime lastAt = r.getObject(6, OffsetDateTime.class);
        return new Change(tenant, plan, r.getObject(1, UUID.class), r.getObject(2, LocalDate.class), r.getBigDecimal(3),
                r.getLong(4), r.getBigDecimal(5), lastAt == null ? null : lastAt.toInstant(), r.getObject(7, UUID.class), recompute);
    }

    /** The KPIs the plan has values of. */
    @SuppressWarnings("unchecked")
    public List<UUID> kpisOf(String tenant, UUID plan) {
        return em.createNativeQuery("""
                        select kpi_id from kpi_day where plan_id = ?1 and tenant_id = ?2 group by kpi_id
                        union select kpi_id from scorecard_dirty where plan_id = ?1 and tenant_id = ?2 and count > 0""")
                .setParameter(1, plan).setParameter(2, tenant).getResultList();
    }

    private static LocalDate date(Object value) {
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Instant i ? i : value instanceof OffsetDateTime o ? o.toInstant()
                : ((Timestamp) value).toInstant();
    }
}
