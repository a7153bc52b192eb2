package io.partnerplan.plan.milestone;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;

/** What makes a milestone's criteria valid, and what their states make of the milestone. Pure rules. */
public final class MilestoneRules {

    private MilestoneRules() {
    }

    /**
     * The criteria to store: each validated for its kind (all violations reported together), ids kept
     * for known criteria, and states kept unless what is judged changed.
     */
    public static List<Criterion> criteria(List<MilestoneRequest.CriterionRequest> requested, List<Criterion> previous,
                                           LocalDate horizonStart, LocalDate horizonEnd) {
        return criteria(requested, previous, horizonStart, horizonEnd, null, null);
    }

    /**
     * As {@link #criteria(List, List, LocalDate, LocalDate)}; a checklist item ticked now is recorded
     * as ticked by {@code by} at {@code at}, an item still ticked keeps who ticked it and when.
     */
    public static List<Criterion> criteria(List<MilestoneRequest.CriterionRequest> requested, List<Criterion> previous,
                                           LocalDate horizonStart, LocalDate horizonEnd, String by, java.time.Instant now) {
        Map<UUID, Criterion> known = previous.stream().collect(Collectors.toMap(Criterion::id, Function.identity()));
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Criterion> result = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            MilestoneRequest.CriterionRequest r = requested.get(i);
            String at = "criteria[" + i + "].";
            Criterion before = r.id() == null ? null : known.get(r.id());
            if (r.id() != null && (before == null || !seen.add(r.id()))) {
                errors.add(new Problem.FieldError(at + "id", "is not a criterion of this milestone (leave it out for a new one)"));
                continue;
            }
            UUID id = before == null ? Ids.next() : before.id();
            if (before != null && before.kind() != r.kind()) {
                errors.add(new Problem.FieldError(at + "kind", "cannot change; remove the criterion and add a new one"));
                continue;
            }
            if (r.kind() == CriterionKind.KPI) {
                int count = errors.size();
                if (r.kpi() == null || r.kpi().isBlank()) {
                    errors.add(new Problem.FieldError(at + "kpi", "is required for a KPI criterion"));
                }
                if (r.threshold() == null) {
                    errors.add(new Problem.FieldError(at + "threshold", "is required for a KPI criterion"));
                }
                if (r.windowStart() == null || r.windowEnd() == null) {
                    errors.add(new Problem.FieldError(at + (r.windowStart() == null ? "windowStart" : "windowEnd"),
                            "is required for a KPI criterion"));
                } else if (r.windowEnd().isBefore(r.windowStart())) {
                    errors.add(new Problem.FieldError(at + "windowEnd", "must not be before windowStart"));
                } else if (r.windowStart().isBefore(horizonStart) || r.windowEnd().isAfter(horizonEnd)) {
                    errors.add(new Problem.FieldError(at + "windowStart", "the window must lie within the plan's horizon "
                            + horizonStart + " to " + horizonEnd));
                }
                if (r.items() != null && !r.items().isEmpty()) {
                    errors.add(new Problem.FieldError(at + "items", "belong to CHECKLIST criteria only"));
                }
                if (errors.size() > count) {
                    continue;
                }
                String threshold = new BigDecimal(r.threshold()).stripTrailingZeros().toPlainString();
                boolean same = before != null && before.kpi().equals(r.kpi()) && before.threshold().equals(threshold)
                        && before.windowStart().equals(r.windowStart()) && before.windowEnd().equals(r.windowEnd());
                result.add(new Criterion(id, CriterionKind.KPI, r.kpi(), threshold, r.windowStart(), r.windowEnd(), null,
                        same ? before.state() : CriterionState.ON_TRACK, same ? before.reason() : null));
            } else {
                if (r.items() == null || r.items().isEmpty()) {
                    errors.add(new Problem.FieldError(at + "items", "a CHECKLIST criterion needs at least one item"));
                    continue;
                }
                if (r.kpi() != null || r.threshold() != null || r.windowStart() != null || r.windowEnd() != null) {
                    errors.add(new Problem.FieldError(at + "kpi", "kpi, threshold and window belong to KPI criteria only"));
                    continue;
                }
                List<Criterion.Item> earlier = before == null || before.items() == null ? List.of() : before.items();
                List<Criterion.Item> items = r.items().stream().map(item -> ticked(item, earlier, by, now)).toList();
                boolean done = items.stream().allMatch(Criterion.Item::done);
                result.add(new Criterion(id, CriterionKind.CHECKLIST, null, null, null, null, items,
                        done ? CriterionState.MET : CriterionState.ON_TRACK, null));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid milestone criteria", errors.size()
                    + " problem(s) with the criteria", errors);
        }
        return result;
    }

    private static Criterion.Item ticked(MilestoneRequest.Item item, List<Criterion.Item> earlier, String by, java.time.Instant at) {
        String text = item.text().strip();
        if (!item.done()) {
            return new Criterion.Item(text, false);
        }
        return earlier.stream().filter(e -> e.done() && e.text().equals(text) && e.doneBy() != null).findFirst()
                .orElseGet(() -> new Criterion.Item(text, true, by, at));
    }

    /**
     * Whether a change to a milestone keeps everything both sides agreed (title, description, due date,
     * criteria with their KPI, threshold, window and checklist texts) and only ticks or unticks
     * checklist items: only then is it allowed directly on an agreed plan.
     */
    public static boolean onlyTicks(Milestone m, MilestoneRequest r) {
        if (!m.title.equals(r.title().strip()) || !java.util.Objects.equals(m.description, r.description())
                || !m.dueOn.equals(r.dueOn()) || m.criteria.size() != r.criteria().size()) {
            return false;
        }
        for (int i = 0; i < m.criteria.size(); i++) {
            Criterion c = m.criteria.get(i);
            MilestoneRequest.CriterionRequest q = r.criteria().get(i);
            if (!c.id().equals(q.id()) || c.kind() != q.kind()) {
                return false;
            }
            if (c.kind() == CriterionKind.KPI) {
                if (q.threshold() == null || !c.kpi().equals(q.kpi())
                        || new BigDecimal(c.threshold()).compareTo(new BigDecimal(q.threshold())) != 0
                        || !c.windowStart().equals(q.windowStart()) || !c.windowEnd().equals(q.windowEnd())) {
                    return false;
                }
            } else if (q.items() == null || c.items().size() != q.items().size()
                    || !java.util.stream.IntStream.range(0, c.items().size())
                            .allMatch(j -> c.items().get(j).text().equals(q.items().get(j).text().strip()))) {
                return false;
            }
        }
        return true;
    }

    /** Any criterion missed: missed. All met: achieved. Any at risk: at risk. Otherwise pending. */
    public static MilestoneStatus statusOf(List<Criterion> criteria) {
        if (criteria.stream().anyMatch(c -> c.state() == CriterionState.MISSED)) {
            return MilestoneStatus.MISSED;
        }
        if (!criteria.isEmpty() && criteria.stream().allMatch(c -> c.state() == CriterionState.MET)) {
            return MilestoneStatus.ACHIEVED;
        }
        if (criteria.stream().anyMatch(c -> c.state() == CriterionState.AT_RISK)) {
            return MilestoneStatus.AT_RISK;
        }
        return MilestoneStatus.PENDING;
    }
}
