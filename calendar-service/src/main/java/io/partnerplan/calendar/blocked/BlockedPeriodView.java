package io.partnerplan.calendar.blocked;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BlockedPeriod")
public record BlockedPeriodView(UUID id, UUID organisationId, BlockedPeriodKind kind, String name, LocalDate startsOn,
                                LocalDate endsOn, String declaredBy, long version) {

    public static BlockedPeriodView of(BlockedPeriod b) {
        return new BlockedPeriodView(b.id, b.organisationId, b.kind, b.name, b.startsOn, b.endsOn, b.declaredBy, b.version);
    }
}
