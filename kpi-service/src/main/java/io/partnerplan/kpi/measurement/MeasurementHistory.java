package io.partnerplan.kpi.measurement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every value a measurement has had: the current one first, then each one a correction replaced, newest first. */
@Schema(name = "MeasurementRevisions")
public record MeasurementHistory(UUID measurementId, UUID planId,
                                 @Schema(description = "The integration client that wrote it, or MANUAL") String source,
                                 String externalId, List<Revision> items) {

    @Schema(name = "MeasurementRevision")
    public record Revision(String value, String currency, LocalDate periodStart, LocalDate occurredOn,
                           @Schema(description = "Who wrote this value: an integration client's id, or MANUAL") String source,
                           @Schema(description = "Token subject of who wrote this value") String reportedBy,
                           Instant recordedAt,
                           @Schema(description = "When a correction replaced it; null for the current value") Instant replacedAt,
                           @Schema(description = "Token subject of who replaced it; null for the current value") String replacedBy) {

        static Revision current(Measurement m) {
            return new Revision(text(m.value), m.currency, m.periodStart, m.occurredOn, m.source, m.reportedBy, m.recordedAt,
                    null, null);
        }

        static Revision of(MeasurementRevision r) {
            return new Revision(text(r.value), r.currency, r.periodStart, r.occurredOn, r.source, r.reportedBy, r.recordedAt,
                    r.replacedAt, r.replacedBy);
        }

        private static String text(java.math.BigDecimal value) {
            return value.stripTrailingZeros().toPlainString();
        }
    }
}
