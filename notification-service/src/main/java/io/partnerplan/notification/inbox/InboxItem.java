package io.partnerplan.notification.inbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.partnerplan.platform.security.TenantScoped;

/** One in-app notification for one person; at most one per event per recipient. */
@Entity
@Table(name = "inbox_item")
public class InboxItem extends TenantScoped {

    @Id
    public UUID id;

    /** The recipient's token subject. */
    @Column(nullable = false)
    public String recipient;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    /** API path of what the notification is about, e.g. {@code /api/v1/plans/{id}}. */
    public String link;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;
}
