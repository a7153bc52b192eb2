package io.partnerplan.plan.funds;

import java.util.List;

/**
 * The vendor's policy as it stood when a request was submitted, kept with the request: a policy changed
 * later does not move the goalposts of requests already in approval.
 *
 * @param currency the currency the thresholds are in; null for the default policy (one level from 0, any currency)
 */
public record ApprovalPath(String currency, List<ApprovalLevel> levels, int claimWindowDays, int reminderDays) {
}
