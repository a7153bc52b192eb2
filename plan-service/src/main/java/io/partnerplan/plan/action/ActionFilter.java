package io.partnerplan.plan.action;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.web.Params;

/**
 * The action lists' filters: {@code status} (repeatable: any of them), {@code owner} (a member's
 * subject) and a due range {@code dueFrom}..{@code dueTo} (inclusive).
 */
public record ActionFilter(List<ActionStatus> statuses, String owner, LocalDate dueFrom, LocalDate dueTo) {

    /** Parses the query parameters with a 400 naming the parameter. */
    public static ActionFilter of(List<String> status, String owner, String dueFrom, String dueTo) {
        List<ActionStatus> statuses = new ArrayList<>();
        for (String value : status == null ? List.<String>of() : status) {
            for (String one : value.split(",")) {
                if (one.isBlank()) {
                    continue;
                }
                try {
                    statuses.add(ActionStatus.valueOf(one.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("status", "must be one of " + java.util.Arrays.toString(ActionStatus.values()));
                }
            }
        }
        LocalDate from = dueFrom == null || dueFrom.isBlank() ? null : Params.date("dueFrom", dueFrom);
        LocalDate to = dueTo == null || dueTo.isBlank() ? null : Params.date("dueTo", dueTo);
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.badRequest("dueTo", "must not be before dueFrom");
        }
        return new ActionFilter(List.copyOf(statuses), owner == null || owner.isBlank() ? null : owner.strip(), from, to);
    }

    public ActionFilter ownedBy(String subject) {
        return new ActionFilter(statuses, subject, dueFrom, dueTo);
    }
}
