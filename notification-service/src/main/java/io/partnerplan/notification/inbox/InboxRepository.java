package io.partnerplan.notification.inbox;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerplan.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class InboxRepository implements PanacheRepositoryBase<InboxItem, UUID> {

    /** Newest first: the id is time-ordered, so the cursor walks backwards. */
    public List<InboxItem> page(String recipient, boolean unreadOnly, PageRequest page) {
        String filter = "recipient = ?1" + (unreadOnly ? " and readAt is null" : "");
        return page.after()
                .map(after -> find(filter + " and id < ?2 order by id desc", recipient, after))
                .orElseGet(() -> find(filter + " order by id desc", recipient))
                .page(0, page.limit() + 1).list();
    }

    public long unread(String recipient) {
        return count("recipient = ?1 and readAt is null", recipient);
    }
}
