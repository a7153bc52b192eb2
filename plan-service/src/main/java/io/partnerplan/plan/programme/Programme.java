package io.partnerplan.plan.programme;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.partnerplan.platform.security.TenantScoped;

/** The vendor's partner programme: its tiers from the entry tier up. */
@Entity
@Table(name = "partner_programme")
public class Programme extends TenantScoped {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Ladder tiers;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The tiers as kept: one JSON document, entry tier first. */
    public record Ladder(List<Tier> tiers) {

        public List<String> codes() {
            return tiers.stream().map(Tier::code).toList();
        }
    }
}
