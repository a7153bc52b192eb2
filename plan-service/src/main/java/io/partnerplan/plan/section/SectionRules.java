package io.partnerplan.plan.section;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.partnerplan.platform.problem.ProblemException;

/** Rules across fields that bean validation cannot express; pure, tested without a database. */
public final class SectionRules {

    private SectionRules() {
    }

    /** Strategy keys identify strategies (actions link to them), so they are unique within their plan. */
    public static void requireValid(PlanSections sections) {
        requireUniqueKeys("marketingPlan", sections.marketingPlan());
        requireUniqueKeys("salesPlan", sections.salesPlan());
    }

    private static void requireUniqueKeys(String field, PlanSections.JointPlan plan) {
        if (plan == null || plan.strategies() == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        List<PlanSections.Strategy> strategies = plan.strategies();
        for (int i = 0; i < strategies.size(); i++) {
            if (!seen.add(strategies.get(i).key())) {
                throw ProblemException.badRequest(field + ".strategies[" + i + "].key",
                        "'" + strategies.get(i).key() + "' is already used by another strategy of this plan");
            }
        }
    }
}
