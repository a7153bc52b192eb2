package io.partnerplan.calendar.fiscal;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A later definition of an organisation's fiscal calendar, in effect from its date until the next one's. */
@Embeddable
public class FiscalCalendarVersion {

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Embedded
    public FiscalDefinition definition = new FiscalDefinition();

    /** A change of year end bridged by a transition year; null when the new calendar's year starts on effectiveFrom. */
    @Enumerated(EnumType.STRING)
    @Column(name = "transition")
    public Transition transition;

    static FiscalCalendarVersion of(LocalDate effectiveFrom, FiscalCalendarRequest request, Transition transition) {
        FiscalCalendarVersion v = new FiscalCalendarVersion();
        v.effectiveFrom = effectiveFrom;
        v.transition = transition;
        v.definition = FiscalDefinition.of(request);
        return v;
    }

    public FiscalCalendarRequest definition() {
        return definition.toRequest();
    }
}
