package io.partnerplan.calendar.mop;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.calendar.availability.AvailabilityStatus;
import io.partnerplan.calendar.availability.AvailabilityView;

/**
 * A member of either party who is away during the last days of either party's quarter: the
 * article's partner rep on holiday in the last two weeks of the vendor's quarter. Pure rules.
 */
@Schema(name = "AwayInClosingWindow")
public record AwayInClosingWindow(UUID availabilityId, UUID organisationId,
                                  @Schema(description = "VENDOR or PARTNER: the side the person belongs to") String side,
                                  String subject, String delegateSubject, LocalDate startsOn, LocalDate endsOn,
                                  @Schema(description = "Each closing window the absence touches") List<Clash> clashes) {

    /** One closing window an absence touches, and the days of it the person is away. */
    @Schema(name = "ClosingWindowClash")
    public record Clash(@Schema(description = "VENDOR or PARTNER: whose quarter closes") String quarterOf, String label,
                        LocalDate quarterEnd, LocalDate closingFrom, LocalDate awayFrom, LocalDate awayTo) {
    }

    /**
     * The absences, among {@code absences} of both organisations, that share a day with a closing window
     * of {@code vendorEnds} or {@code partnerEnds}; in the order given, each with its clashes in date order.
     */
    public static List<AwayInClosingWindow> find(UUID vendor, List<QuarterEnd> vendorEnds, List<QuarterEnd> partnerEnds,
                                                 List<AvailabilityView> absences) {
        List<AwayInClosingWindow> away = new ArrayList<>();
        for (AvailabilityView absence : absences) {
            if (absence.status() == AvailabilityStatus.CANCELLED) {
                continue;
            }
            List<Clash> clashes = new ArrayList<>();
            clashes(absence, "VENDOR", vendorEnds, clashes);
            clashes(absence, "PARTNER", partnerEnds, clashes);
            if (!clashes.isEmpty()) {
                clashes.sort(java.util.Comparator.comparing(Clash::awayFrom).thenComparing(Clash::quarterOf));
                away.add(new AwayInClosingWindow(absence.availabilityId(), absence.organisationId(),
                        absence.organisationId().equals(vendor) ? "VENDOR" : "PARTNER", absence.subject(),
                        absence.delegateSubject(), absence.startsOn(), absence.endsOn(), List.copyOf(clashes)));
            }
        }
        return away;
    }

    private static void clashes(AvailabilityView absence, String quarterOf, List<QuarterEnd> ends, List<Clash> into) {
        for (QuarterEnd end : ends) {
            LocalDate from = max(absence.startsOn(), end.closingFrom());
            LocalDate to = min(absence.endsOn(), end.date());
            if (!from.isAfter(to)) {
                into.add(new Clash(quarterOf, end.label(), end.date(), end.closingFrom(), from, to));
            }
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
