package io.partnerplan.kpi.target;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TargetSet")
public record TargetSetView(UUID planId, String kpi, String greenAt, String amberAt, List<Period> periods,
                            String updatedBy, Instant updatedAt, long version) {

    @Schema(name = "TargetPeriod")
    public record Period(String label, LocalDate start, LocalDate end, String target) {
    }
}
