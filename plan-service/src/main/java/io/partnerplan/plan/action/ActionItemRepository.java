package io.partnerplan.plan.action;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerplan.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class ActionItemRepository implements PanacheRepositoryBase<ActionItem, UUID> {

    /**
     * A keyset page of action items matching the filter, in id (creation) order: of one plan, or
     * (plan null) of every plan the member {@code memberOf} belongs to.
     */
    public List<ActionItem> page(UUID plan, String memberOf, ActionFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder();
        Parameters parameters = new Parameters();
        if (plan != null) {
            where.append("planId = :plan");
            parameters.and("plan", plan);
        } else {
            where.append("planId in (select m.planId from PlanMember m where m.subject = :member)");
            parameters.and("member", memberOf);
        }
        if (!filter.statuses().isEmpty()) {
            where.append(" and status in :statuses");
            parameters.and("statuses", filter.statuses());
        }
        if (filter.owner() != null) {
            where.append(" and owner = :owner");
            parameters.and("owner", filter.owner());
        }
        if (filter.dueFrom() != null) {
            where.append(" and dueOn >= :dueFrom");
            parameters.and("dueFrom", filter.dueFrom());
        }
        if (filter.dueTo() != null) {
            where.append(" and dueOn <= :dueTo");
            parameters.and("dueTo", filter.dueTo());
        }
        if (page.after().isPresent()) {
            where.append(" and id > :after");
            parameters.and("after", page.after().get());
        }
        return find(where + " order by id", parameters).page(0, page.limit() + 1).list();
    }

    public List<ActionItem> page(UUID plan, PageRequest page) {
        return page.after()
                .map(after -> find("planId = ?1 and id > ?2 order by id", plan, after))
                .orElseGet(() -> find("planId = ?1 order by id", plan))
                .page(0, page.limit() + 1).list();
    }
}
