-- availability.conflict: an absence during a closing window (the MOP's or either party's quarter-end),
-- announced ahead to the partnership's plan owners once per absence, partnership, window and scope.
create table availability_conflict_announcement (
    tenant_id                text        not null,
    availability_id          uuid        not null,
    vendor_organisation_id   uuid        not null,
    partner_organisation_id  uuid        not null,
    scope                    text        not null,
    period_end               date        not null,
    announced_at             timestamptz not null,
    primary key (tenant_id, availability_id, vendor_organisation_id, partner_organisation_id, scope, period_end)
);
