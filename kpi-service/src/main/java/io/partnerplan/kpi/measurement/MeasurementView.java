package io.partnerplan.kpi.measurement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Measurement")
public record MeasurementView(UUID id, UUID planId, UUID kpiId, String kpi, String value, String currency,
                              LocalDate periodStart, LocalDate occurredOn,
                              @Schema(description = "Who wrote it, from their token: an integration client's id, or MANUAL for a person")
                              String source,
                              @Schema(description = "The organisation that wrote it (null for rows from before provenance came from tokens)")
                              UUID organisationId, String externalId,
                              String reportedBy, Instant recordedAt, long version,
                              @Schema(description = "accepted (new), duplicate (same value re-sent) or corrected (new value for a known external id)")
                              String outcome) {
}
