package io.partnerplan.plan.plan;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.partnerplan.platform.security.TenantScoped;

/** One party's signature on a proposed plan, at the version it read. */
@Entity
@Table(name = "plan_sign_off")
@IdClass(PlanSignOff.Key.class)
public class PlanSignOff extends TenantScoped {

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Id
    @Enumerated(EnumType.STRING)
    public Side side;

    @Column(name = "signed_by", nullable = false)
    public String signedBy;

    @Column(name = "signed_at", nullable = false)
    public Instant signedAt;

    @Column(name = "plan_version", nullable = false)
    public long planVersion;

    public record Key(UUID planId, Side side) {
        public Key() {
            this(null, null);
        }
    }
}
