package io.partnerplan.kpi.measurement;

import java.time.LocalDate;

import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.web.Params;

/**
 * The measurement list's filters besides plan and KPI: {@code source} (the integration client's id, or
 * MANUAL for what people entered), the
 * reporting system's {@code externalId}, and the day it occurred, {@code from}..{@code to} (inclusive).
 */
public record MeasurementFilter(String source, String externalId, LocalDate from, LocalDate to) {

    public static final MeasurementFilter NONE = new MeasurementFilter(null, null, null, null);

    /** Parses the query parameters with a 400 naming the parameter. */
    public static MeasurementFilter of(String source, String externalId, String from, String to) {
        String parsed = source == null || source.isBlank() ? null : source.strip();
        LocalDate fromDay = from == null || from.isBlank() ? null : Params.date("from", from);
        LocalDate toDay = to == null || to.isBlank() ? null : Params.date("to", to);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        return new MeasurementFilter(parsed, externalId == null || externalId.isBlank() ? null : externalId.strip(), fromDay, toDay);
    }
}
