package io.partnerplan.kpi.definition;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "KpiDefinition")
public record KpiDefinitionView(UUID id, String key, String name, KpiUnit unit, String currency, Direction direction,
                                Aggregation aggregation,
                                @Schema(description = "Set for a derived KPI: computed per window from other KPIs") String formula,
                                Instant createdAt, long version) {

    static KpiDefinitionView of(KpiDefinition k) {
        return new KpiDefinitionView(k.id, k.key, k.name, k.unit, k.currency, k.direction, k.aggregation, k.formula, k.createdAt,
                k.version);
    }
}
