package io.partnerplan.kpi.scorecard;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.partnerplan.kpi.attainment.Decimals;
import io.partnerplan.kpi.attainment.Rag;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.problem.ProblemException;

/**
 * The vendor's portfolio: one row per plan and KPI across all its partners, read from the summaries
 * kept by {@link ScorecardChanges} (never from raw measurements), sorted, filtered and keyset-paged.
 */
@ApplicationScoped
public class Portfolio {

    /** How rows are ordered; ties (and rows without a value, last) by the row's id. */
    public enum Sort {
        PARTNER("coalesce(p.partner_name, '')", false), PARTNER_DESC("coalesce(p.partner_name, '')", true),
        ATTAINMENT("coalesce(s.attainment, 1e9)", false), ATTAINMENT_DESC("coalesce(s.attainment, -1e9)", true);

        final String key;
        final boolean descending;

        Sort(String key, boolean descending) {
            this.key = key;
            this.descending = descending;
        }

        public static Sort parse(String value) {
            return switch (value == null ? "partner" : value) {
                case "partner" -> PARTNER;
                case "-partner" -> PARTNER_DESC;
                case "attainment" -> ATTAINMENT;
                case "-attainment" -> ATTAINMENT_DESC;
                default -> throw ProblemException.badRequest("sort", "must be one of partner, -partner, attainment, -attainment");
            };
        }
    }

    /** Who asks and what: the vendor organisation (from the token), filters and order. */
    public record View(String tenant, UUID vendor, Set<Rag> rags, Set<String> kpis, Sort sort) {
    }

    private final EntityManager em;

    public Portfolio(EntityManager em) {
        this.em = em;
    }

    /** @throws ProblemException 403 when the organisation is a partner in the tenant's plans and vendor in none */
    @Transactional
    public void requireVendorSide(String tenant, UUID organisation) {
        Object[] sides = (Object[]) em.createNativeQuery("""
                        select bool_or(vendor_organisation_id = ?2), bool_or(partner_organisation_id = ?2)
                        from tracked_plan where tenant_id = ?1 and (vendor_organisation_id = ?2 or partner_organisation_id = ?2)""")
                .setParameter(1, tenant).setParameter(2, organisation).getSingleResult();
        if (!Boolean.TRUE.equals(sides[0]) && Boolean.TRUE.equals(sides[1])) {
            throw ProblemException.forbidden("The portfolio is the vendor's view across its partners");
        }
    }

    @Transactional
    public Page<PortfolioRow> page(View q, PageRequest page) {
        List<Object[]> rows = rows(q, page.after().orElse(null), page.limit() + 1);
        boolean more = rows.size() > page.limit();
        List<Object[]> shown = more ? rows.subList(0, page.limit()) : rows;
        String next = more ? PageRequest.encode((UUID) shown.get(shown.size() - 1)[0]) : null;
        return new Page<>(shown.stream().map(Portfolio::row).toList(), next);
    }

    /** A chunk for the CSV export: rows after {@code after} (null: from the start), with the id of the last. */
    @Transactional
    public List<Object[]> chunk(View q, UUID after, int size) {
        return rows(q, after, size);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(View q, UUID after, int limit) {
        String cmp = q.sort().descending ? "<" : ">";
        String dir = q.sort().descending ? "desc" : "asc";
        StringBuilder sql = new StringBuilder("""
                select s.id, p.partner_name, p.partner_organisation_id, s.plan_id, p.title, s.kpi_key, s.kpi_name, s.unit,
                       s.currency, s.period, s.period_start, s.period_end, s.target, s.actual, s.attainment, s.forecast,
                       s.rag, s.trend, s.as_of
                from plan_kpi_score s join tracked_plan p on p.plan_id = s.plan_id
                where s.tenant_id = :tenant and p.tenant_id = :tenant and s.vendor_organisation_id = :vendor""");
        if (!q.rags().isEmpty()) {
            sql.append(" and s.rag in (:rags)");
        }
        if (!q.kpis().isEmpty()) {
            sql.append(" and s.kpi_key in (:kpis)");
        }
        if (after != null) {
            sql.append(" and (").append(q.sort().key).append(", s.id) ").append(cmp).append(" (select ")
                    .append(q.sort().key).append(", s.id from plan_kpi_score s join tracked_plan p on p.plan_id = s.plan_id")
                    .append(" where s.id = :after and s.tenant_id = :tenant)");
        }
        sql.append(" order by ").append(q.sort().key).append(' ').append(dir).append(", s.id ").append(dir).append(" limit :limit");
        Query query = em.createNativeQuery(sql.toString()).setParameter("tenant", q.tenant()).setParameter("vendor", q.vendor())
                .setParameter("limit", limit);
        if (!q.rags().isEmpty()) {
            query.setParameter("rags", q.rags().stream().map(Enum::name).toList());
        }
        if (!q.kpis().isEmpty()) {
            query.setParameter("kpis", List.copyOf(q.kpis()));
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        return new ArrayList<>(query.getResultList());
    }

    static PortfolioRow row(Object[] r) {
        return new PortfolioRow((String) r[1], (UUID) r[2], (UUID) r[3], (String) r[4], (String) r[5], (String) r[6],
                (String) r[7], (String) r[8], (String) r[9], date(r[10]), date(r[11]), decimal(r[12]), decimal(r[13]),
                decimal(r[14]), decimal(r[15]), r[16] == null ? null : Rag.valueOf((String) r[16]), (String) r[17], date(r[18]));
    }

    private static String decimal(Object value) {
        return value == null ? null : Decimals.plain((BigDecimal) value);
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }
}
