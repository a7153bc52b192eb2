package io.partnerplan.platform.security;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;

/**
 * Feeds Hibernate's discriminator multi-tenancy: every entity extending {@link TenantScoped} is
 * filtered by, and written with, the caller's tenant. A repository cannot forget the filter.
 */
@PersistenceUnitExtension
@RequestScoped
public class TenantFromCaller implements TenantResolver {

    private final Caller caller;

    public TenantFromCaller(Caller caller) {
        this.caller = caller;
    }

    @Override
    public String getDefaultTenantId() {
        return Caller.NO_TENANT;
    }

    @Override
    public String resolveTenantId() {
        return caller.tenant().orElse(Caller.NO_TENANT);
    }
}
