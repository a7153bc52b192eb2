package io.partnerplan.plan.milestone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ChecklistRulesTest {

    private static Criterion checklist(boolean... done) {
        List<Criterion.Item> items = new java.util.ArrayList<>();
        for (boolean d : done) {
            items.add(new Criterion.Item("item", d));
        }
        return new Criterion(UUID.randomUUID(), CriterionKind.CHECKLIST, null, null, null, null, items,
                CriterionState.ON_TRACK, null);
    }

    @Test
    void onTheDueDateADoneChecklistIsMetAnUnfinishedOneMissedAndKpisWaitForTheirVerdict() {
        Criterion kpi = new Criterion(UUID.randomUUID(), CriterionKind.KPI, "revenue", BigDecimal.TEN.toPlainString(),
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31), null, CriterionState.AT_RISK, "forecast 8");
        List<Criterion> decided = ChecklistDueDates.decided(List.of(checklist(true, true), checklist(true, false), kpi));
        assertEquals(List.of(CriterionState.MET, CriterionState.MISSED, CriterionState.AT_RISK),
                decided.stream().map(Criterion::state).toList());
        assertEquals(MilestoneStatus.MISSED, MilestoneRules.statusOf(decided));
        assertEquals(MilestoneStatus.ACHIEVED, MilestoneRules.statusOf(ChecklistDueDates.decided(List.of(checklist(true)))));
    }
}
