package io.partnerplan.notification.inbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;

/** The in-app channel: deliver an item once per event and recipient, and let the recipient read it. */
@ApplicationScoped
public class Inbox {

    private final InboxRepository items;
    private final EntityManager em;
    private final Caller caller;

    public Inbox(InboxRepository items, EntityManager em, Caller caller) {
        this.items = items;
        this.em = em;
        this.caller = caller;
    }

    /**
     * Puts an item in {@code recipient}'s inbox unless this event already did; the unique key
     * (tenant, recipient, event) makes a second delivery, or a person reached twice, a no-op.
     *
     * @return whether a new item was created
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean deliver(String recipient, String eventId, String eventType, String title, String body, String link) {
        return em.createNativeQuery("""
                insert into inbox_item (id, tenant_id, recipient, event_id, event_type, title, body, link, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (tenant_id, recipient, event_id) do nothing""")
                .setParameter(1, Ids.next()).setParameter(2, caller.requireTenant()).setParameter(3, recipient)
                .setParameter(4, eventId).setParameter(5, eventType).setParameter(6, title).setParameter(7, body)
                .setParameter(8, link).setParameter(9, Instant.now())
                .executeUpdate() == 1;
    }

    @Transactional
    public Page<InboxItemView> list(boolean unreadOnly, PageRequest page) {
        return Page.of(items.page(caller.subject(), unreadOnly, page), page, i -> i.id, InboxItemView::of);
    }

    /** The caller's newest item id: a stream without Last-Event-ID starts after it. */
    @Transactional
    public java.util.Optional<UUID> newestId() {
        return items.find("recipient = ?1 order by id desc", caller.subject()).firstResultOptional().map(i -> i.id);
    }

    /**
     * Items of {@code recipient} newer than {@code after}, oldest first: what a stream has not sent yet.
     * Runs outside the HTTP request (on the stream's ticks), hence its own request context and tenant.
     */
    @ActivateRequestContext
    @Transactional
    public List<InboxItemView> since(String tenant, String recipient, UUID after, int limit) {
        caller.actAsTenant(tenant);
        return items.find("recipient = ?1 and id > ?2 order by id", recipient, after).page(0, limit).list()
                .stream().map(InboxItemView::of).toList();
    }

    @Transactional
    public long unreadCount() {
        return items.unread(caller.subject());
    }

    @Transactional
    public InboxItemView markRead(UUID id, boolean read) {
        InboxItem item = items.find("id = ?1 and recipient = ?2", id, caller.subject()).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Inbox item", id));
        item.readAt = read ? (item.readAt == null ? Instant.now() : item.readAt) : null;
        return InboxItemView.of(item);
    }
}
