package io.partnerplan.platform.security;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.annotations.TenantId;

/** Base of every tenant-owned entity: Hibernate sets and filters {@code tenant_id} itself. */
@MappedSuperclass
public abstract class TenantScoped {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;
}
