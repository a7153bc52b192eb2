package io.partnerplan.plan.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;

class ProgrammeRulesTest {

    private static Tier.Requirement revenue(String threshold) {
        return new Tier.Requirement("revenue", Tier.Comparison.AT_LEAST, threshold, 4, Tier.PeriodUnit.QUARTER, null);
    }

    private static Tier tier(String code, String name, Tier.Requirement... requirements) {
        return new Tier(code, name, List.of(requirements), null);
    }

    private static List<String> fields(ProblemException e) {
        return e.errors().stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void aLadderThatGetsHarderUpwardsIsKeptWithItsTextStripped() {
        List<Tier> kept = ProgrammeRules.check(new ProgrammeRequest("Partner Network", null, List.of(
                tier("SILVER", "  Silver ", revenue("100000")),
                tier("GOLD", "Gold", revenue("500000"),
                        new Tier.Requirement("certified-people", Tier.Comparison.AT_LEAST, "5", 1, Tier.PeriodUnit.QUARTER, "  five  ")),
                new Tier("PLATINUM", "Platinum", null, new Tier.Benefits("20", new Tier.Money("250000", "USD"))))));
        assertEquals(List.of("SILVER", "GOLD", "PLATINUM"), kept.stream().map(Tier::code).toList());
        assertEquals("Silver", kept.get(0).name());
        assertEquals("five", kept.get(1).requirements().get(1).description());
        assertEquals(List.of(), kept.get(2).requirements(), "no requirements: every enrolled partner qualifies");
    }

    @Test
    void aHigherTierAskingLessOfTheSameKpiOverTheSameWindowIsRefusedNamingItsThreshold() {
        ProblemException e = assertThrows(ProblemException.class, () -> ProgrammeRules.check(new ProgrammeRequest("P", null, List.of(
                tier("SILVER", "Silver", revenue("100000")),
                tier("GOLD", "Gold", revenue("90000"))))));
        assertEquals(400, e.status());
        assertEquals(List.of("tiers[1].requirements[0].threshold"), fields(e));
        assertTrue(e.errors().get(0).message().contains("at least 100000"), e.errors().get(0).message());
        assertTrue(e.errors().get(0).message().contains("SILVER"), e.errors().get(0).message());
    }

    @Test
    void anAtMostRequirementMayOnlyTightenDownwardsAndOtherWindowsAreIndependent() {
        Tier.Requirement churn10 = new Tier.Requirement("churn-rate", Tier.Comparison.AT_MOST, "10", 4, Tier.PeriodUnit.QUARTER, null);
        Tier.Requirement churn12 = new Tier.Requirement("churn-rate", Tier.Comparison.AT_MOST, "12", 4, Tier.PeriodUnit.QUARTER, null);
        ProblemException e = assertThrows(ProblemException.class, () -> ProgrammeRules.check(new ProgrammeRequest("P", null, List.of(
                tier("SILVER", "Silver", churn10), tier("GOLD", "Gold", churn12)))));
        assertEquals(List.of("tiers[1].requirements[0].threshold"), fields(e));
        // Over another window the same KPI is another requirement: no comparison between them.
        Tier.Requirement yearly = new Tier.Requirement("revenue", Tier.Comparison.AT_LEAST, "50000", 1, Tier.PeriodUnit.YEAR, null);
        assertEquals(2, ProgrammeRules.check(new ProgrammeRequest("P", null, List.of(
                tier("SILVER", "Silver", revenue("100000")), tier("GOLD", "Gold", yearly)))).size());
    }

    @Test
    void repeatedCodesNamesAndRequirementsAndADiscountOver100AreAllReportedAtOnce() {
        ProblemException e = assertThrows(ProblemException.class, () -> ProgrammeRules.check(new ProgrammeRequest("P", null, List.of(
                tier("GOLD", "Gold", revenue("1"), revenue("2")),
                new Tier("GOLD", "gold", null, new Tier.Benefits("100.5", null))))));
        assertEquals(List.of("tiers[0].requirements[1]", "tiers[1].code", "tiers[1].name", "tiers[1].benefits.discountPercent"),
                fields(e));
    }
}
