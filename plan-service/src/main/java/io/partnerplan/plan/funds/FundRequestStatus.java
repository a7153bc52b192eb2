package io.partnerplan.plan.funds;

/**
 * PENDING_APPROVAL until every level its amount needs approved it (APPROVED, committed on the budget line)
 * or one rejected it (REJECTED); the requester may WITHDRAW it before that. An approval nobody claimed by
 * its claim-by date EXPIRES; one claimed and paid in full is CLOSED.
 */
public enum FundRequestStatus {
    PENDING_APPROVAL, APPROVED, REJECTED, WITHDRAWN, EXPIRED, CLOSED
}
