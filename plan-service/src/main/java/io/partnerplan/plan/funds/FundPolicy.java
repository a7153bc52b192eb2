package io.partnerplan.plan.funds;

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

/** The vendor's approval policy for fund requests: levels by amount, approvers by role, how long an approval may be claimed. */
@Entity
@Table(name = "fund_policy")
public class FundPolicy extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "vendor_organisation_id", nullable = false, updatable = false)
    public UUID vendorOrganisationId;

    @Column(nullable = false)
    public String currency;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ApprovalLevel> levels;

    @Column(name = "claim_window_days", nullable = false)
    public int claimWindowDays;

    @Column(name = "reminder_days", nullable = false)
    public int reminderDays;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
