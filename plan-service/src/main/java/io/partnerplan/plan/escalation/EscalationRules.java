package io.partnerplan.plan.escalation;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.partnerplan.plan.member.PlanRole;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;

/** The escalation ladder's rules, free of storage: validation, who a level reaches, how far it climbs. */
public final class EscalationRules {

    public static final int MAX_LEVELS = 5;
    static final Duration SHORTEST = Duration.ofHours(1);
    static final Duration LONGEST = Duration.ofDays(90);

    /**
     * The ladder of a plan that set none: the two people who run the plan have two days, then the
     * executive sponsors three more.
     */
    public static final List<EscalationLevel> DEFAULT = List.of(
            new EscalationLevel("Plan owners", List.of(PlanRole.VENDOR_MANAGER, PlanRole.PARTNER_OWNER), List.of(), "P2D"),
            new EscalationLevel("Executive sponsors", List.of(PlanRole.EXECUTIVE_SPONSOR), List.of(), "P3D"));

    private EscalationRules() {
    }

    /**
     * The levels to store, every violation reported together and named by field.
     *
     * @param members the plan's member subjects: named subjects must be among them
     */
    public static List<EscalationLevel> levels(EscalationPolicyRequest request, Set<String> members) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<EscalationLevel> levels = new ArrayList<>();
        for (int i = 0; i < request.levels().size(); i++) {
            EscalationPolicyRequest.Level l = request.levels().get(i);
            String at = "levels[" + i + "].";
            List<PlanRole> roles = l.roles() == null ? List.of() : l.roles().stream().distinct().toList();
            List<String> subjects = l.subjects() == null ? List.of() : l.subjects().stream().map(String::strip).distinct().toList();
            if (roles.isEmpty() && subjects.isEmpty()) {
                errors.add(new Problem.FieldError(at + "roles", "a level needs at least one role or subject"));
            }
            for (int j = 0; j < subjects.size(); j++) {
                if (!members.contains(subjects.get(j))) {
                    errors.add(new Problem.FieldError(at + "subjects[" + j + "]", "is not a member of the plan"));
                }
            }
            String window = l.acknowledgeWithin().strip();
            try {
                Duration d = Duration.parse(window);
                if (d.compareTo(SHORTEST) < 0 || d.compareTo(LONGEST) > 0) {
                    errors.add(new Problem.FieldError(at + "acknowledgeWithin", "must be between PT1H and P90D"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError(at + "acknowledgeWithin", "must be an ISO-8601 duration such as P2D or PT12H"));
            }
            levels.add(new EscalationLevel(l.name().strip(), roles, subjects, window));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid escalation policy",
                    errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElseThrow(), errors);
        }
        return levels;
    }

    /** The members a level reaches: everyone in its roles now, and the subjects it names; sorted, once each. */
    public static List<String> recipients(EscalationLevel level, Map<String, PlanRole> membersByRole) {
        Set<String> subjects = new TreeSet<>(level.subjects());
        membersByRole.forEach((subject, role) -> {
            if (level.roles().contains(role)) {
                subjects.add(subject);
            }
        });
        return List.copyOf(subjects);
    }

    public static List<String> roleNames(EscalationLevel level) {
        return level.roles().stream().map(PlanRole::roleName).toList();
    }

    /**
     * The deadlines an unacknowledged escalation passes by {@code now}: one entry per level it climbs,
     * each the deadline of the level reached. Deadlines run on from the missed one, so a job that was
     * down for days climbs as many levels as it would have, with the same deadlines. The last level
     * does not climb further.
     */
    public static List<Instant> climbs(int level, Instant acknowledgeBy, List<EscalationLevel> levels, Instant now) {
        List<Instant> deadlines = new ArrayList<>();
        Instant deadline = acknowledgeBy;
        for (int at = level; at < levels.size() && !deadline.isAfter(now); at++) {
            deadline = deadline.plus(levels.get(at).window());
            deadlines.add(deadline);
        }
        return deadlines;
    }
}
