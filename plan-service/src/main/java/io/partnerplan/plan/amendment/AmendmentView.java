package io.partnerplan.plan.amendment;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.plan.plan.Side;

/** An amendment as shown and as the data of plan.amendment-proposed, plan.amendment-rejected, plan.amendment-withdrawn and plan.amended. */
@Schema(name = "Amendment")
public record AmendmentView(UUID amendmentId, UUID planId, String proposedBy, Side proposedBySide, String reason,
                            AmendmentChanges changes, AmendmentStatus status,
                            @Schema(description = "Who accepted it for the other side") String acceptedBy,
                            @Schema(description = "The plan's version it was proposed against") long fromVersion,
                            @Schema(description = "The plan's version accepting it made; compare with GET .../versions/{fromVersion}/diff/{toVersion}")
                            Long toVersion,
                            @Schema(description = "Who rejected it for the other side") String rejectedBy,
                            @Schema(description = "Why the other side rejected it") String rejectionReason,
                            @Schema(description = "Who withdrew it: a member of the proposing side, or who closed or renewed the plan")
                            String withdrawnBy,
                            @Schema(description = "Why it was withdrawn") String withdrawalReason) {

    static AmendmentView of(Amendment a) {
        return new AmendmentView(a.id, a.planId, a.proposedBy, a.proposedBySide, a.reason, a.changes, a.status, a.acceptedBy,
                a.fromVersion, a.toVersion, a.rejectedBy, a.rejectionReason, a.withdrawnBy, a.withdrawalReason);
    }
}
