package io.partnerplan.kpi.measurement;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.postgresql.PGConnection;

/**
 * Writes a bulk batch's new measurements with PostgreSQL's COPY on the transaction's own connection:
 * one statement for the batch instead of an INSERT per row, so a bulk upload runs near the rate of a
 * raw COPY. The rows commit or roll back with the rest of the batch's transaction.
 */
@ApplicationScoped
public class MeasurementCopy {

    private static final String COPY = "copy measurement (id, tenant_id, plan_id, kpi_id, value, currency, period_start, "
            + "occurred_on, source, organisation_id, external_id, reported_by, recorded_at, version) from stdin with (format csv)";

    private final EntityManager em;

    public MeasurementCopy(EntityManager em) {
        this.em = em;
    }

    public void insert(List<Measurement> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        StringBuilder csv = new StringBuilder(fresh.size() * 160);
        for (Measurement m : fresh) {
            csv.append(m.id).append(',').append(quoted(m.tenantId)).append(',').append(m.planId).append(',').append(m.kpiId)
                    .append(',').append(m.value.toPlainString()).append(',').append(m.currency == null ? "" : quoted(m.currency))
                    .append(',').append(m.periodStart == null ? "" : m.periodStart.toString()).append(',').append(m.occurredOn)
                    .append(',').append(quoted(m.source)).append(',').append(m.organisationId).append(',').append(m.externalId == null ? "" : quoted(m.externalId))
                    .append(',').append(quoted(m.reportedBy)).append(',').append(m.recordedAt).append(",0\n");
        }
        em.unwrap(Session.class).doWork(connection -> {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY of a measurement batch failed", e);
            }
        });
    }

    /** A CSV field in quotes (an empty unquoted field is NULL to COPY). */
    private static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
