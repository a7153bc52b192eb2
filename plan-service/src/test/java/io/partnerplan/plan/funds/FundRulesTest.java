package io.partnerplan.plan.funds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.problem.ProblemException;

class FundRulesTest {

    /** Managers decide everything, the sponsor from 10,000 USD, the board role again from 50,000. */
    private static final ApprovalPath PATH = new ApprovalPath("USD", List.of(new ApprovalLevel("0", "vendor-manager"),
            new ApprovalLevel("10000", "executive-sponsor"), new ApprovalLevel("50000", "executive-sponsor")), 90, 14);

    private static FundDecisionRequest approve(String amount, String reason) {
        return new FundDecisionRequest(FundDecisionRequest.Outcome.APPROVE, amount, reason);
    }

    @Test
    void theVendorPartIsRoundedToTheCurrencysMinorUnit() {
        assertEquals(new BigDecimal("3333.33"), FundRules.vendorPart(new BigDecimal("10000"), new BigDecimal("33.3333"), "EUR"));
        assertEquals(new BigDecimal("5000.00"), FundRules.vendorPart(new BigDecimal("10000"), new BigDecimal("50"), "USD"));
        assertEquals(new BigDecimal("333"), FundRules.vendorPart(new BigDecimal("1000"), new BigDecimal("33.34"), "JPY"));
        assertEquals(new BigDecimal("0.01"), FundRules.vendorPart(new BigDecimal("0.01"), new BigDecimal("50"), "EUR"), "half up");
    }

    @Test
    void levelsFollowTheAmountAndAnotherCurrencyNeedsThemAll() {
        assertEquals(1, FundRules.nextLevel(PATH, "USD", new BigDecimal("9999.99"), 0));
        assertNull(FundRules.nextLevel(PATH, "USD", new BigDecimal("9999.99"), 1), "below the sponsor's threshold one level decides");
        assertEquals(2, FundRules.nextLevel(PATH, "USD", new BigDecimal("10000"), 1), "the threshold itself needs the level");
        assertNull(FundRules.nextLevel(PATH, "USD", new BigDecimal("49999"), 2));
        assertEquals(3, FundRules.nextLevel(PATH, "USD", new BigDecimal("50000"), 2));
        assertEquals(2, FundRules.nextLevel(PATH, "EUR", new BigDecimal("1"), 1), "thresholds are never converted");
        assertEquals(3, FundRules.nextLevel(PATH, "EUR", new BigDecimal("1"), 2));
        assertNull(FundRules.nextLevel(FundPolicies.DEFAULT, "JPY", new BigDecimal("1000000"), 1), "the default has one level, any currency");
    }

    @Test
    void anApprovalPassesTheRequestToTheNextLevelItsAmountNeedsOrApprovesIt() {
        FundRules.Outcome first = FundRules.decide(PATH, "USD", 1, new BigDecimal("20000"), approve(null, null));
        assertEquals(new FundRules.Outcome(FundRequestStatus.PENDING_APPROVAL, 2, new BigDecimal("20000")), first);
        FundRules.Outcome second = FundRules.decide(PATH, "USD", 2, new BigDecimal("20000"), approve("20000", null));
        assertEquals(new FundRules.Outcome(FundRequestStatus.APPROVED, null, new BigDecimal("20000")), second);
    }

    @Test
    void aPartialApprovalNeedsAReasonAndMayEndTheApprovalBelowTheNextThreshold() {
        ProblemException noReason = assertThrows(ProblemException.class,
                () -> FundRules.decide(PATH, "USD", 1, new BigDecimal("20000"), approve("8000", " ")));
        assertEquals("reason", noReason.errors().get(0).field());
        FundRules.Outcome partial = FundRules.decide(PATH, "USD", 1, new BigDecimal("20000"), approve("8000", "Two webinars, not five"));
        assertEquals(new FundRules.Outcome(FundRequestStatus.APPROVED, null, new BigDecimal("8000")), partial,
                "8,000 is below the sponsor's level: the manager's approval is the last");
    }

    @Test
    void noLevelApprovesMoreThanTheOneBeforeNorNothing() {
        ProblemException more = assertThrows(ProblemException.class,
                () -> FundRules.decide(PATH, "USD", 2, new BigDecimal("12000"), approve("15000", "More is better")));
        assertEquals("amount", more.errors().get(0).field());
        assertEquals("amount: must not exceed 12000, the amount the level before approved", more.getMessage());
        ProblemException zero = assertThrows(ProblemException.class,
                () -> FundRules.decide(PATH, "USD", 1, new BigDecimal("12000"), approve("0", "Nothing")));
        assertEquals("amount", zero.errors().get(0).field());
    }

    @Test
    void aRejectionNeedsAReasonAndNoAmount() {
        FundDecisionRequest bare = new FundDecisionRequest(FundDecisionRequest.Outcome.REJECT, null, null);
        assertEquals("reason", assertThrows(ProblemException.class,
                () -> FundRules.decide(PATH, "USD", 1, BigDecimal.TEN, bare)).errors().get(0).field());
        FundDecisionRequest withAmount = new FundDecisionRequest(FundDecisionRequest.Outcome.REJECT, "5", "No");
        assertEquals("amount", assertThrows(ProblemException.class,
                () -> FundRules.decide(PATH, "USD", 1, BigDecimal.TEN, withAmount)).errors().get(0).field());
        assertEquals(FundRequestStatus.REJECTED, FundRules.decide(PATH, "USD", 1, BigDecimal.TEN,
                new FundDecisionRequest(FundDecisionRequest.Outcome.REJECT, null, "Not in this quarter's focus")).status());
    }

    @Test
    void policyLevelsStartAtZeroAndAscend() {
        assertEquals("levels[0].minAmount", assertThrows(ProblemException.class, () -> FundRules.requireValidLevels(
                List.of(new ApprovalLevel("100", "vendor-manager")))).errors().get(0).field());
        assertEquals("levels[1].minAmount", assertThrows(ProblemException.class, () -> FundRules.requireValidLevels(
                List.of(new ApprovalLevel("0", "vendor-manager"), new ApprovalLevel("0.00", "executive-sponsor")))).errors().get(0).field());
        FundRules.requireValidLevels(PATH.levels());
    }
}
