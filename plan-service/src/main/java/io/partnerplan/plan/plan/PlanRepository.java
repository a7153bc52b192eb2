package io.partnerplan.plan.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.web.Params;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, UUID> {

    /** Plans where {@code organisation} is a party: a partner never sees another partner's plans. */
    public List<Plan> pageForParty(UUID organisation, PageRequest page) {
        String party = "(vendorOrganisationId = ?1 or partnerOrganisationId = ?1)";
        return page.after()
                .map(after -> find(party + " and id > ?2 order by id", organisation, after))
                .orElseGet(() -> find(party + " order by id", organisation))
                .page(0, page.limit() + 1).list();
    }

    /** {@link #pageForParty} narrowed by {@code filter}; ordered by id, so pages are stable. */
    public List<Plan> search(UUID organisation, PlanFilter filter, PageRequest page) {
        StringBuilder q = new StringBuilder("from Plan p where (p.vendorOrganisationId = :org or p.partnerOrganisationId = :org)");
        Map<String, Object> params = new HashMap<>();
        params.put("org", organisation);
        if (!filter.statuses().isEmpty()) {
            q.append(" and p.status in :statuses");
            params.put("statuses", filter.statuses());
        }
        if (filter.partnerOrganisationId() != null) {
            q.append(" and p.partnerOrganisationId = :partner");
            params.put("partner", filter.partnerOrganisationId());
        }
        if (filter.owner() != null) {
            q.append(" and exists (select 1 from PlanMember m where m.planId = p.id and m.subject = :owner"
                    + " and m.role in (io.partnerplan.plan.member.PlanRole.VENDOR_MANAGER,"
                    + " io.partnerplan.plan.member.PlanRole.PARTNER_OWNER))");
            params.put("owner", filter.owner());
        }
        if (filter.horizonFrom() != null) {
            q.append(" and p.horizonEnd >= :from");
            params.put("from", filter.horizonFrom());
        }
        if (filter.horizonTo() != null) {
            q.append(" and p.horizonStart <= :to");
            params.put("to", filter.horizonTo());
        }
        if (filter.overdue() != null) {
            q.append(filter.overdue() ? " and exists" : " and not exists").append(" (select 1 from ActionItem a where a.planId = p.id"
                    + " and a.status in (io.partnerplan.plan.action.ActionStatus.OPEN, io.partnerplan.plan.action.ActionStatus.IN_PROGRESS,"
                    + " io.partnerplan.plan.action.ActionStatus.BLOCKED) and a.dueOn < :today)");
            params.put("today", filter.today());
        }
        if (filter.text() != null) {
            q.append(" and lower(p.title) like :text escape '\\'");
            params.put("text", Params.containsIgnoringCase(filter.text()));
        }
        PlanSort sort = filter.sort();
        String comparison = sort.descending ? "<" : ">";
        page.after().ifPresent(after -> {
            params.put("after", after);
            if (sort.key == null) {
                q.append(" and p.id ").append(comparison).append(" :after");
            } else {
                // After the cursor's plan in (key, id) order: its key is read in the same statement.
                String cursorKey = sort.key.replace("p.", "c.");
                q.append(" and exists (select 1 from Plan c where c.id = :after and (").append(sort.key).append(' ').append(comparison)
                        .append(' ').append(cursorKey).append(" or (").append(sort.key).append(" = ").append(cursorKey)
                        .append(" and p.id ").append(comparison).append(" :after)))");
            }
        });
        String direction = sort.descending ? " desc" : "";
        q.append(" order by ").append(sort.key == null ? "" : sort.key + direction + ", ").append("p.id").append(direction);
        return find(q.toString(), params).page(0, page.limit() + 1).list();
    }
}
