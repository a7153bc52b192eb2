package io.partnerplan.plan.plan;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.partnerplan.platform.problem.ProblemException;

/**
 * The orders the plan list offers ({@code ?sort=}, a leading {@code -} for descending). Each order
 * ends with the plan's id, so that a page's cursor (the last plan's id) continues exactly where the
 * page ended even when several plans share a title or a date.
 */
public enum PlanSort {
    CREATED("createdAt", null, false),
    CREATED_DESC("-createdAt", null, true),
    TITLE("title", "lower(p.title)", false),
    TITLE_DESC("-title", "lower(p.title)", true),
    HORIZON_START("horizonStart", "p.horizonStart", false),
    HORIZON_START_DESC("-horizonStart", "p.horizonStart", true),
    UPDATED("updatedAt", "p.updatedAt", false),
    UPDATED_DESC("-updatedAt", "p.updatedAt", true);

    /** For the OpenAPI description and the 400 answer. */
    public static final String ALLOWED = Arrays.stream(values()).map(s -> s.parameter).collect(Collectors.joining(", "));

    private final String parameter;
    /** The HQL expression sorted on before the id; {@code null} when the id (creation order) alone sorts. */
    final String key;
    final boolean descending;

    PlanSort(String parameter, String key, boolean descending) {
        this.parameter = parameter;
        this.key = key;
        this.descending = descending;
    }

    public static PlanSort of(String value) {
        if (value == null) {
            return CREATED;
        }
        String wanted = value.strip();
        for (PlanSort sort : values()) {
            if (sort.parameter.equals(wanted)) {
                return sort;
            }
        }
        throw ProblemException.badRequest("sort", "must be one of " + ALLOWED);
    }
}
