package io.partnerplan.kpi.deal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.validation.Dates;

/**
 * A deal's rules across fields: a won or lost deal has the day it closed, an open one has none; no deal
 * closes or is expected to close before it was registered; nothing is registered or closed in the future.
 */
public final class DealRules {

    private DealRules() {
    }

    /** @throws ProblemException 400 naming each field that breaks a rule */
    public static void check(DealRequest deal, LocalDate registeredOn, LocalDate today) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (var date : new Object[][] { { "registeredOn", registeredOn }, { "expectedCloseOn", deal.expectedCloseOn() },
                { "actualCloseOn", deal.actualCloseOn() } }) {
            if (date[1] != null && !Dates.inRange((LocalDate) date[1])) {
                errors.add(new Problem.FieldError((String) date[0], Dates.RULE));
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        if (registeredOn.isAfter(today)) {
            errors.add(new Problem.FieldError("registeredOn", "must not be after today (" + today + ")"));
        }
        boolean closedByOutcome = deal.stage() == DealStage.WON || deal.stage() == DealStage.LOST;
        if (closedByOutcome && deal.actualCloseOn() == null) {
            errors.add(new Problem.FieldError("actualCloseOn", "is required for a " + deal.stage() + " deal"));
        }
        if (!deal.stage().closed() && deal.actualCloseOn() != null) {
            errors.add(new Problem.FieldError("actualCloseOn", "must be absent while the deal is " + deal.stage()));
        }
        if (deal.actualCloseOn() != null) {
            if (deal.actualCloseOn().isBefore(registeredOn)) {
                errors.add(new Problem.FieldError("actualCloseOn", "must not be before registeredOn (" + registeredOn + ")"));
            }
            if (deal.actualCloseOn().isAfter(today)) {
                errors.add(new Problem.FieldError("actualCloseOn", "must not be after today (" + today + ")"));
            }
        }
        if (deal.expectedCloseOn().isBefore(registeredOn)) {
            errors.add(new Problem.FieldError("expectedCloseOn", "must not be before registeredOn (" + registeredOn + ")"));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(400, "validation", "Request is not valid",
                String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors);
    }
}
