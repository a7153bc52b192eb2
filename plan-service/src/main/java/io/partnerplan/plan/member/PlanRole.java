package io.partnerplan.plan.member;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonValue;

import io.partnerplan.platform.security.Roles;

/** A member's role on one plan (docs/domain.md "Member and plan roles"); written as in tokens: {@code vendor-manager}. */
@Schema(name = "PlanRole", type = SchemaType.STRING,
        enumeration = { "vendor-manager", "partner-owner", "contributor", "viewer", "executive-sponsor" })
public enum PlanRole {
    VENDOR_MANAGER(Roles.VENDOR_MANAGER),
    PARTNER_OWNER(Roles.PARTNER_OWNER),
    CONTRIBUTOR(Roles.CONTRIBUTOR),
    VIEWER(Roles.VIEWER),
    EXECUTIVE_SPONSOR(Roles.EXECUTIVE_SPONSOR);

    private final String name;

    PlanRole(String name) {
        this.name = name;
    }

    @JsonValue
    public String roleName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
