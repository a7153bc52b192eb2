package io.partnerplan.kpi.definition;

import java.util.List;
import java.util.UUID;

/**
 * A derived KPI's formula changed: these KPIs of the tenant (the KPI, its old and new inputs and the
 * KPIs derived from them) show other values now. Fired in the changing transaction; the scorecards
 * observe it (definition knows nothing of scorecards, so the packages form no cycle).
 */
public record KpisChanged(String tenantId, List<UUID> kpiIds) {
}
