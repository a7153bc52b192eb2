package io.partnerplan.plan.plan;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.web.Params;

/**
 * What the plan list is narrowed to; every part optional. Query parameters are parsed here so a bad
 * value is answered 400 naming its parameter.
 *
 * @param owners        plans where this subject is a member as vendor manager or partner owner
 * @param horizonFrom   plans whose horizon ends on or after this day
 * @param horizonTo     plans whose horizon starts on or before this day
 * @param overdue       plans with (true) or without (false) an open action past its due date
 * @param today         the day "past due" is measured against
 * @param text          plans whose title contains this text, ignoring case (wildcards are literal)
 * @param sort          the order of the list
 */
public record PlanFilter(Set<PlanStatus> statuses, UUID partnerOrganisationId, String owner, LocalDate horizonFrom,
                         LocalDate horizonTo, Boolean overdue, LocalDate today, String text, PlanSort sort) {

    public static PlanFilter none(LocalDate today) {
        return new PlanFilter(Set.of(), null, null, null, null, null, today, null, PlanSort.CREATED);
    }

    public static PlanFilter of(List<String> statuses, String partner, String owner, String from, String to, String overdue,
                                LocalDate today) {
        return of(statuses, partner, owner, from, to, overdue, today, null, null);
    }

    public static PlanFilter of(List<String> statuses, String partner, String owner, String from, String to, String overdue,
                                LocalDate today, String q, String sort) {
        Set<PlanStatus> wanted = EnumSet.noneOf(PlanStatus.class);
        for (String value : statuses == null ? List.<String>of() : statuses) {
            for (String s : value.split(",")) {
                if (s.isBlank()) {
                    continue;
                }
                try {
                    wanted.add(PlanStatus.valueOf(s.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("status", "must be one of " + EnumSet.allOf(PlanStatus.class));
                }
            }
        }
        UUID partnerId = null;
        if (partner != null && !partner.isBlank()) {
            try {
                partnerId = UUID.fromString(partner.strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("partnerOrganisationId", "must be an organisation id (UUID)");
            }
        }
        if (owner != null && (owner.isBlank() || owner.length() > 200)) {
            throw ProblemException.badRequest("owner", "must be a member's subject of at most 200 characters");
        }
        LocalDate horizonFrom = from == null ? null : Params.date("horizonFrom", from);
        LocalDate horizonTo = to == null ? null : Params.date("horizonTo", to);
        if (horizonFrom != null && horizonTo != null && horizonTo.isBefore(horizonFrom)) {
            throw ProblemException.badRequest("horizonTo", "must not be before horizonFrom");
        }
        Boolean hasOverdue = null;
        if (overdue != null) {
            hasOverdue = switch (overdue.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw ProblemException.badRequest("hasOverdueActions", "must be true or false");
            };
        }
        if (q != null && (q.isBlank() || q.strip().length() > 200)) {
            throw ProblemException.badRequest("q", "must be between 1 and 200 characters of a plan's title");
        }
        return new PlanFilter(wanted, partnerId, owner == null ? null : owner.strip(), horizonFrom, horizonTo, hasOverdue, today,
                q == null ? null : q.strip(), PlanSort.of(sort));
    }
}
