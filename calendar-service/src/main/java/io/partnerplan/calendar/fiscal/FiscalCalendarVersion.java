package io.partnerplan.calendar.fiscal;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

/** A later definition of an organisation's fiscal calendar, in effect from its date until the next one's. */
@Embeddable
public class FiscalCalendarVersion {

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Embedded
    public FiscalDefinition definition = new FiscalDefinition();

    static FiscalCalendarVersion of(LocalDate effectiveFrom, FiscalCalendarRequest request) {
        FiscalCalendarVersion v = new FiscalCalendarVersion();
        v.effectiveFrom = effectiveFrom;
        v.definition = FiscalDefinition.of(request);
        return v;
    }

    public FiscalCalendarRequest definition() {
        return definition.toRequest();
    }
}
