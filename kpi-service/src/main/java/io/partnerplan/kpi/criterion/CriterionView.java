package io.partnerplan.kpi.criterion;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A criterion's state as kpi-service judged it: the data of the kpi.criterion.* events. */
@Schema(name = "CriterionEvaluation")
public record CriterionView(UUID criterionId, UUID milestoneId, UUID planId, String kpi, String threshold,
                            LocalDate windowStart, LocalDate windowEnd, CriterionState state, String actual,
                            String forecast, LocalDate evaluatedOn, String reason) {
}
