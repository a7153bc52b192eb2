package io.partnerplan.kpi.scorecard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.EntityTag;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Scorecards computed already, so that reading one again costs a lookup, not five years of KPI days: kept
 * per plan, day and series, in this replica's memory, as the JSON answer itself (serializing 20 KPIs' periods
 * and series cost as much as the rest of a read), with the stamp of what they were computed from. A read uses
 * a kept scorecard only while the stamp is unchanged; the stamp (one statement) changes with anything a
 * scorecard is computed from: a value written or folded (marks appended to {@code scorecard_dirty}, a fold
 * rewriting {@code scorecard_announced}'s row), the plan, the tenant's KPI library, the plan's targets, the
 * pair's periods, the plan's milestone criteria. Bounded by the bytes held.
 */
@ApplicationScoped
public class KeptScorecards {

    /** 24 MiB of answers: 150 five-year month scorecards of 20 KPIs, or 20 day ones. */
    private static final long MAX_BYTES = 24L << 20;

    record Key(UUID plan, LocalDate asOf, SeriesGranularity series) {
    }

    record Kept(String stamp, byte[] json) {
    }

    private final Cache<Key, Kept> kept = Caffeine.newBuilder().maximumWeight(MAX_BYTES)
            .weigher((Key k, Kept v) -> v.json().length).expireAfterAccess(Duration.ofMinutes(10)).build();
    private final EntityManager em;

    public KeptScorecards(EntityManager em) {
        this.em = em;
    }

    /**
     * What the plan's scorecards are computed from, as of this statement: read it before anything the
     * scorecard is computed from (the plan included). Row versions ({@code xmin}) of rows rewritten in place;
     * count and highest id of the marks (ids are not given in commit order, so the count is what sees a late
     * commit); count and versions of the rest.
     */
    public String stamp(String tenant, UUID planId) {
        Object stamp = em.createNativeQuery("""
                        select concat_ws('/',
                            (select xmin::text from scorecard_announced where plan_id = ?1),
                            (select count(*) || ':' || coalesce(max(id), 0) from scorecard_dirty where plan_id = ?1),
                            (select xmin::text from tracked_plan where plan_id = ?1),
                            (select count(*) || ':' || coalesce(sum(version), 0) from kpi_definition where tenant_id = ?2),
                            (select count(*) || ':' || coalesce(sum(version), 0) from kpi_target_set
                             where tenant_id = ?2 and plan_id = ?1),
                            (select count(*) || ':' || coalesce(sum(pp.xmin::text::bigint), 0)
                             from tracked_plan p join partnership_period pp on pp.tenant_id = p.tenant_id
                                 and pp.vendor_organisation_id = p.vendor_organisation_id
                                 and pp.partner_organisation_id = p.partner_organisation_id
                             where p.plan_id = ?1 and p.tenant_id = ?2),
                            (select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from milestone_criterion
                             where plan_id = ?1 and tenant_id = ?2))""")
                .setParameter(1, planId).setParameter(2, tenant).getSingleResult();
        return (String) stamp;
    }

    /**
     * The ETag of the scorecard computed from what {@code stamp} names: it changes exactly when a kept one
     * would be recomputed, and says nothing of the data (a digest of the stamp, the plan, day and series).
     */
    static EntityTag etag(UUID plan, LocalDate asOf, SeriesGranularity series, String stamp) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((plan + "|" + asOf + "|" + series + "|" + stamp).getBytes(StandardCharsets.UTF_8));
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** The kept scorecard if computed from what {@code stamp} names; null otherwise. */
    Kept get(UUID plan, LocalDate asOf, SeriesGranularity series, String stamp) {
        Kept found = kept.getIfPresent(new Key(plan, asOf, series));
        return found != null && found.stamp().equals(stamp) ? found : null;
    }

    /**
     * Keeps a scorecard computed after {@code stamp} was read: it is at least as new as the stamp, so no
     * reader seeing that stamp gets an older one; a reader seeing any later change has a different stamp.
     */
    void keep(UUID plan, LocalDate asOf, SeriesGranularity series, Kept scorecard) {
        kept.put(new Key(plan, asOf, series), scorecard);
    }
}
