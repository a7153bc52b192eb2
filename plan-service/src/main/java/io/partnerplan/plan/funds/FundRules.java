package io.partnerplan.plan.funds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;

import io.partnerplan.platform.problem.ProblemException;

/** The arithmetic and the approval path of fund requests; pure, tested without a database. */
public final class FundRules {

    static final String AMOUNT = "\\d{1,16}(\\.\\d{1,4})?";
    static final String AMOUNT_RULE = "must be a non-negative decimal number with at most 4 decimals";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private FundRules() {
    }

    /** The vendor's part of an activity's cost, rounded half up to the currency's minor unit (cents for EUR, none for JPY). */
    public static BigDecimal vendorPart(BigDecimal totalCost, BigDecimal vendorSharePercent, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return totalCost.multiply(vendorSharePercent).divide(HUNDRED, digits, RoundingMode.HALF_UP);
    }

    /** 400 naming {@code field} unless {@code currency} is an ISO 4217 code. */
    public static void requireCurrency(String field, String currency) {
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "is not an ISO 4217 currency");
        }
    }

    /** The first level decides every request (it starts at 0); each further one starts above the one before. */
    public static void requireValidLevels(List<ApprovalLevel> levels) {
        for (int i = 0; i < levels.size(); i++) {
            BigDecimal min = new BigDecimal(levels.get(i).minAmount());
            if (i == 0 && min.signum() != 0) {
                throw ProblemException.badRequest("levels[0].minAmount", "must be 0: the first level decides every request");
            }
            if (i > 0 && min.compareTo(new BigDecimal(levels.get(i - 1).minAmount())) <= 0) {
                throw ProblemException.badRequest("levels[" + i + "].minAmount", "must be above the level before it ("
                        + levels.get(i - 1).minAmount() + ")");
            }
        }
    }

    /**
     * Whether level {@code level} (1-based) must decide {@code amount}. A request in another currency than the
     * policy's needs every level: thresholds are never converted at a rate nobody agreed.
     */
    static boolean needs(ApprovalPath path, int level, String currency, BigDecimal amount) {
        if (path.currency() != null && !path.currency().equals(currency)) {
            return true;
        }
        return amount.compareTo(new BigDecimal(path.levels().get(level - 1).minAmount())) >= 0;
    }

    /** The first level after {@code after} (0: none decided yet) that {@code amount} needs; null when none is left. */
    public static Integer nextLevel(ApprovalPath path, String currency, BigDecimal amount, int after) {
        for (int level = after + 1; level <= path.levels().size(); level++) {
            if (needs(path, level, currency, amount)) {
                return level;
            }
        }
        return null;
    }

    /**
     * What a decision at the level awaited makes of the request. An approval may lower the amount (a partial
     * approval, with a reason) but never raise it above what the previous level approved (or what was asked); the
     * levels still needed follow the amount approved. A rejection needs a reason.
     *
     * @param standing the amount as it stands: the last approval's, else the vendor part requested
     */
    public static Outcome decide(ApprovalPath path, String currency, int awaitingLevel, BigDecimal standing,
                                 FundDecisionRequest decision) {
        String reason = decision.reason() == null ? null : decision.reason().strip();
        boolean noReason = reason == null || reason.isEmpty();
        if (decision.outcome() == FundDecisionRequest.Outcome.REJECT) {
            if (decision.amount() != null) {
                throw ProblemException.badRequest("amount", "a rejection approves no amount: leave it out");
            }
            if (noReason) {
                throw ProblemException.badRequest("reason", "a rejection needs a reason the partner can act on");
            }
            return new Outcome(FundRequestStatus.REJECTED, null, standing);
        }
        BigDecimal amount = decision.amount() == null ? standing : new BigDecimal(decision.amount());
        if (amount.signum() <= 0) {
            throw ProblemException.badRequest("amount", "must be above 0: to approve nothing, reject with a reason");
        }
        if (amount.compareTo(standing) > 0) {
            throw ProblemException.badRequest("amount", "must not exceed " + plain(standing)
                    + ", the amount " + (awaitingLevel == 1 ? "requested" : "the level before approved"));
        }
        if (amount.compareTo(standing) < 0 && noReason) {
            throw ProblemException.badRequest("reason", "a partial approval needs a reason");
        }
        Integer next = nextLevel(path, currency, amount, awaitingLevel);
        return new Outcome(next == null ? FundRequestStatus.APPROVED : FundRequestStatus.PENDING_APPROVAL, next, amount);
    }

    static String plain(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }

    /** A request's state after a decision: its status, the level it now awaits (null once decided) and the amount standing. */
    public record Outcome(FundRequestStatus status, Integer awaitingLevel, BigDecimal amount) {
    }
}
