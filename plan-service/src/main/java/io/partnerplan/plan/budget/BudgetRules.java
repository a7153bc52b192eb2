package io.partnerplan.plan.budget;

import java.math.BigDecimal;
import java.util.Currency;

import io.partnerplan.plan.plan.Side;
import io.partnerplan.platform.problem.ProblemException;

/** Rules of budgets across fields; pure, tested without a database. */
public final class BudgetRules {

    private BudgetRules() {
    }

    /** A real ISO 4217 currency; MDF always comes from the vendor. Fields are named under {@code prefix}. */
    public static void requireValid(String prefix, BudgetRequest r) {
        try {
            Currency.getInstance(r.currency());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(prefix + "currency", "is not an ISO 4217 currency");
        }
        if (r.kind() == FundingKind.MDF && r.fundingParty() != Side.VENDOR) {
            throw ProblemException.badRequest(prefix + "fundingParty", "must be VENDOR: market development funds are the vendor's");
        }
    }

    /**
     * Whether a change keeps everything both sides agreed (title, funding party, resource type, kind,
     * currency, planned amount): only then is it allowed directly on an agreed plan.
     */
    public static boolean keepsWhatWasAgreed(Budget b, BudgetRequest r) {
        return b.title.equals(r.title().strip()) && b.fundingParty == r.fundingParty() && b.resourceType == r.resourceType()
                && b.kind == r.kind() && b.currency.equals(r.currency()) && b.planned.compareTo(new BigDecimal(r.planned())) == 0;
    }
}
