package io.partnerplan.plan.budget;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.partnerplan.plan.plan.Side;
import io.partnerplan.platform.problem.ProblemException;

class BudgetRulesTest {

    private static BudgetRequest request(Side funding, FundingKind kind, String currency, String planned, String spent) {
        return new BudgetRequest(null, "Webinars", funding, ResourceType.MARKETING, kind, currency, planned, "0", spent);
    }

    private static Budget agreed() {
        Budget b = new Budget();
        b.title = "Webinars";
        b.fundingParty = Side.VENDOR;
        b.resourceType = ResourceType.MARKETING;
        b.kind = FundingKind.MDF;
        b.currency = "EUR";
        b.planned = new BigDecimal("50000.0000");
        return b;
    }

    @Test
    void mdfComesFromTheVendorAndCoInvestmentFromEitherSide() {
        assertDoesNotThrow(() -> BudgetRules.requireValid("", request(Side.VENDOR, FundingKind.MDF, "EUR", "1", "0")));
        assertDoesNotThrow(() -> BudgetRules.requireValid("", request(Side.PARTNER, FundingKind.CO_INVESTMENT, "EUR", "1", "0")));
        ProblemException e = assertThrows(ProblemException.class,
                () -> BudgetRules.requireValid("changes.budgets[2].", request(Side.PARTNER, FundingKind.MDF, "EUR", "1", "0")));
        assertEquals("changes.budgets[2].fundingParty", e.errors().get(0).field());
    }

    @Test
    void onlyRealCurrenciesAreAccepted() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> BudgetRules.requireValid("", request(Side.VENDOR, FundingKind.MDF, "XYZ", "1", "0")));
        assertEquals("currency", e.errors().get(0).field());
    }

    @Test
    void actualsChangeDirectlyButThePlannedAmountIsWhatWasAgreed() {
        assertTrue(BudgetRules.keepsWhatWasAgreed(agreed(), request(Side.VENDOR, FundingKind.MDF, "EUR", "50000", "12000")));
        assertFalse(BudgetRules.keepsWhatWasAgreed(agreed(), request(Side.VENDOR, FundingKind.MDF, "EUR", "50000.01", "0")));
        assertFalse(BudgetRules.keepsWhatWasAgreed(agreed(), request(Side.VENDOR, FundingKind.MDF, "USD", "50000", "0")));
        assertFalse(BudgetRules.keepsWhatWasAgreed(agreed(), request(Side.VENDOR, FundingKind.CO_INVESTMENT, "EUR", "50000", "0")));
    }
}
