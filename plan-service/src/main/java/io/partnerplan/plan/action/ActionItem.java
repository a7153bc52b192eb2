package io.partnerplan.plan.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.partnerplan.platform.security.TenantScoped;

/** Something one member of either side has agreed to do by a date. */
@Entity
@Table(name = "action_item")
public class ActionItem extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false, updatable = false)
    public UUID planId;

    @Column(nullable = false)
    public String title;

    public String description;

    /** The owner's token subject; a member of the plan. */
    @Column(nullable = false)
    public String owner;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActionStatus status;

    /** Key of the marketing or sales strategy it serves, if any. */
    @Column(name = "strategy_key")
    public String strategyKey;

    /** The objective it serves, if any. */
    @Column(name = "objective_id")
    public UUID objectiveId;

    @Column(name = "overdue_announced_at")
    public Instant overdueAnnouncedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;
}
