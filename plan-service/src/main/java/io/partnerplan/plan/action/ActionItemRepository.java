package io.partnerplan.plan.action;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerplan.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ActionItemRepository implements PanacheRepositoryBase<ActionItem, UUID> {

    public List<ActionItem> page(UUID plan, PageRequest page) {
        return page.after()
                .map(after -> find("planId = ?1 and id > ?2 order by id", plan, after))
                .orElseGet(() -> find("planId = ?1 order by id", plan))
                .page(0, page.limit() + 1).list();
    }
}
