package io.partnerplan.plan.member;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerplan.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, UUID> {

    public List<Invitation> page(UUID plan, UUID organisation, PageRequest page) {
        return page.after()
                .map(after -> find("planId = ?1 and organisationId = ?2 and id > ?3 order by id", plan, organisation, after))
                .orElseGet(() -> find("planId = ?1 and organisationId = ?2 order by id", plan, organisation))
                .page(0, page.limit() + 1).list();
    }
}
