package io.partnerplan.calendar.fiscal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.partnerplan.platform.security.TenantScoped;

/** An organisation's fiscal calendar: Gregorian or 52/53-week. */
@Entity
@Table(name = "fiscal_calendar")
public class FiscalCalendar extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    public UUID organisationId;

    /** The definition in effect before the first of {@link #versions}. */
    @Embedded
    public FiscalDefinition definition = new FiscalDefinition();

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Later definitions, each in effect from its date; this row's own definition is in effect before the first. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "fiscal_calendar_version", joinColumns = @JoinColumn(name = "calendar_id"))
    @OrderBy("effectiveFrom")
    public List<FiscalCalendarVersion> versions = new ArrayList<>();

    public FiscalCalendarRequest definition() {
        return definition.toRequest();
    }

    /** The rules of every version, in effect each from its date. */
    public FiscalCalendarRules rules() {
        return rules(definition(), versions);
    }

    /**
     * @throws io.partnerplan.platform.problem.ProblemException naming {@code effectiveFrom} when versions do not chain
     */
    static FiscalCalendarRules rules(FiscalCalendarRequest first, List<FiscalCalendarVersion> versions) {
        List<VersionedFiscalCalendar.Version> later = versions.stream()
                .map(v -> new VersionedFiscalCalendar.Version(v.effectiveFrom, FiscalCalendarSpec.rules(v.definition()), v.transition))
                .toList();
        try {
            return VersionedFiscalCalendar.of(FiscalCalendarSpec.rules(first), later);
        } catch (VersionedFiscalCalendar.BrokenChain e) {
            throw new io.partnerplan.platform.problem.ProblemException(422, "fiscal-years-do-not-chain",
                    "Fiscal years would not chain", e.getMessage(),
                    List.of(new io.partnerplan.platform.problem.Problem.FieldError("effectiveFrom", e.getMessage())));
        } catch (IllegalArgumentException e) {
            throw new io.partnerplan.platform.problem.ProblemException(409, "calendar-version-overlap",
                    "Overlapping calendar versions", e.getMessage(),
                    List.of(new io.partnerplan.platform.problem.Problem.FieldError("effectiveFrom", e.getMessage())));
        }
    }

    void define(FiscalCalendarRequest request) {
        definition = FiscalDefinition.of(request);
    }
}
