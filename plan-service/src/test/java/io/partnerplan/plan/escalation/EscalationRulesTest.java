package io.partnerplan.plan.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.partnerplan.plan.member.PlanRole;
import io.partnerplan.platform.problem.ProblemException;

class EscalationRulesTest {

    private static final List<EscalationLevel> THREE = List.of(
            new EscalationLevel("one", List.of(PlanRole.VENDOR_MANAGER), List.of(), "PT1H"),
            new EscalationLevel("two", List.of(PlanRole.PARTNER_OWNER), List.of(), "PT2H"),
            new EscalationLevel("three", List.of(PlanRole.EXECUTIVE_SPONSOR), List.of(), "PT3H"));
    private static final Instant T0 = Instant.parse("2027-03-01T09:00:00Z");

    @Test
    void beforeItsDeadlineAnEscalationStays() {
        assertEquals(List.of(), EscalationRules.climbs(1, T0.plusSeconds(3600), THREE, T0));
    }

    @Test
    void aMissedDeadlineClimbsOneLevelWithTheNextLevelsWindowFromThatDeadline() {
        assertEquals(List.of(T0.plusSeconds(3 * 3600)), EscalationRules.climbs(1, T0.plusSeconds(3600), THREE, T0.plusSeconds(3601)));
    }

    @Test
    void afterDowntimeItCatchesUpEveryLevelItWouldHaveClimbedButNotBeyondTheLast() {
        Instant deadline = T0.plusSeconds(3600);
        assertEquals(List.of(T0.plusSeconds(3 * 3600), T0.plusSeconds(6 * 3600)),
                EscalationRules.climbs(1, deadline, THREE, T0.plusSeconds(100 * 3600)));
        assertEquals(List.of(), EscalationRules.climbs(3, deadline, THREE, T0.plusSeconds(100 * 3600)));
    }

    @Test
    void recipientsAreTheMembersInTheLevelsRolesAndItsNamedSubjectsOnceEach() {
        EscalationLevel level = new EscalationLevel("owners", List.of(PlanRole.VENDOR_MANAGER, PlanRole.PARTNER_OWNER),
                List.of("cfo@x.test", "vm@x.test"), "P2D");
        Map<String, PlanRole> members = Map.of("vm@x.test", PlanRole.VENDOR_MANAGER, "po@y.test", PlanRole.PARTNER_OWNER,
                "c@y.test", PlanRole.CONTRIBUTOR);
        assertEquals(List.of("cfo@x.test", "po@y.test", "vm@x.test"), EscalationRules.recipients(level, members));
    }

    @Test
    void everyBadLevelIsNamedByField() {
        var request = new EscalationPolicyRequest(List.of(
                new EscalationPolicyRequest.Level("nobody", List.of(), List.of(), "P2D"),
                new EscalationPolicyRequest.Level("bad", List.of(PlanRole.VIEWER), List.of("stranger@x.test"), "2 days"),
                new EscalationPolicyRequest.Level("short", List.of(PlanRole.VIEWER), List.of(), "PT5M")));
        ProblemException e = assertThrows(ProblemException.class, () -> EscalationRules.levels(request, Set.of("vm@x.test")));
        assertEquals(List.of("levels[0].roles", "levels[1].subjects[0]", "levels[1].acknowledgeWithin", "levels[2].acknowledgeWithin"),
                e.errors().stream().map(f -> f.field()).toList());
    }
}
