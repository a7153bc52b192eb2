package io.partnerplan.notification.routing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.partnerplan.platform.security.TenantScoped;

/** A tenant's override of {@link DefaultRouting} for one event type. */
@Entity
@Table(name = "routing_rule")
public class RoutingRule extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** null: the default applies again. */
    @Column(columnDefinition = "text[]")
    public String[] roles;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
