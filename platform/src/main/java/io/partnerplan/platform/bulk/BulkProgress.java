package io.partnerplan.platform.bulk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;

/**
 * How far a named bulk upload is committed, kept in each batch's own transaction: a batch of a resumed
 * (or concurrently repeated) upload writes only its rows past that point, and answers the others with
 * the results they got when they were committed. So a client that lost the connection and sends the rest
 * again, from any line up to the last result it received, gets the outcome of one upload.
 */
@ApplicationScoped
public class BulkProgress {

    /** A row of a batch: its line and whatever the service writes it from. */
    public interface Line {
        long line();
    }

    private static final TypeReference<List<BulkRowResult>> RESULTS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final BulkLimits limits;

    public BulkProgress(EntityManager em, ObjectMapper json, Clock clock, BulkLimits limits) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * Writes one batch in one transaction with {@code write}: for a named upload only the rows past what is
     * committed, the others answered as before; results in line order.
     */
    @Transactional
    public <R extends Line> List<BulkRowResult> commit(String tenant, String caller, BulkUpload upload, List<R> rows,
                                                       Function<List<R>, List<BulkRowResult>> write) {
        if (!upload.resumable() || rows.isEmpty()) {
            return write.apply(rows);
        }
        em.createNativeQuery("""
                insert into bulk_upload (tenant_id, caller, upload_id, committed_through, updated_at)
                values (?1, ?2, ?3, 0, ?4) on conflict do nothing""")
                .setParameter(1, tenant).setParameter(2, caller).setParameter(3, upload.id()).setParameter(4, clock.instant())
                .executeUpdate();
        long committed = ((Number) em.createNativeQuery("""
                select committed_through from bulk_upload where tenant_id = ?1 and caller = ?2 and upload_id = ?3 for update""")
                .setParameter(1, tenant).setParameter(2, caller).setParameter(3, upload.id()).getSingleResult()).longValue();
        List<R> fresh = rows.stream().filter(r -> r.line() > committed).toList();
        List<BulkRowResult> results = new ArrayList<>(rows.size());
        if (fresh.size() < rows.size()) {
            results.addAll(earlier(tenant, caller, upload.id(), rows.get(0).line(), committed,
                    rows.stream().filter(r -> r.line() <= committed).map(Line::line).collect(Collectors.toSet())));
        }
        if (!fresh.isEmpty()) {
            List<BulkRowResult> written = write.apply(fresh);
            results.addAll(written);
            long last = fresh.get(fresh.size() - 1).line();
            try {
                em.createNativeQuery("""
                        insert into bulk_upload_batch (tenant_id, caller, upload_id, first_line, last_line, results)
                        values (?1, ?2, ?3, ?4, ?5, ?6)""")
                        .setParameter(1, tenant).setParameter(2, caller).setParameter(3, upload.id())
                        .setParameter(4, fresh.get(0).line()).setParameter(5, last)
                        .setParameter(6, json.writeValueAsString(written)).executeUpdate();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            em.createNativeQuery("""
                    update bulk_upload set committed_through = ?4, updated_at = ?5
                    where tenant_id = ?1 and caller = ?2 and upload_id = ?3""")
                    .setParameter(1, tenant).setParameter(2, caller).setParameter(3, upload.id())
                    .setParameter(4, last).setParameter(5, clock.instant()).executeUpdate();
        }
        results.sort(java.util.Comparator.comparingLong(BulkRowResult::line));
        return results;
    }

    /** The stored results of {@code lines}, committed earlier. */
    private List<BulkRowResult> earlier(String tenant, String caller, String upload, long from, long to, Set<Long> lines) {
        @SuppressWarnings("unchecked")
        List<String> batches = em.createNativeQuery("""
                select results from bulk_upload_batch where tenant_id = ?1 and caller = ?2 and upload_id = ?3
                and last_line >= ?4 and first_line <= ?5 order by first_line""")
                .setParameter(1, tenant).setParameter(2, caller).setParameter(3, upload).setParameter(4, from).setParameter(5, to)
                .getResultList();
        List<BulkRowResult> found = new ArrayList<>();
        for (String batch : batches) {
            try {
                for (BulkRowResult r : json.readValue(batch, RESULTS)) {
                    if (lines.contains(r.line())) {
                        found.add(r);
                    }
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    @Scheduled(every = "1h", delayed = "7m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    @ActivateRequestContext
    void purgeExpired() {
        em.createNativeQuery("""
                delete from bulk_upload_batch b using bulk_upload u where u.tenant_id = b.tenant_id and u.caller = b.caller
                and u.upload_id = b.upload_id and u.updated_at < ?1""")
                .setParameter(1, clock.instant().minus(limits.uploadRetention())).executeUpdate();
        em.createNativeQuery("delete from bulk_upload where updated_at < ?1")
                .setParameter(1, clock.instant().minus(limits.uploadRetention())).executeUpdate();
    }
}
