package io.partnerplan.plan.plan;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.partnerplan.platform.problem.ProblemException;

/**
 * The contract rule, in one place: once both sides signed a plan (AGREED, and while it is ACTIVE or
 * IN_REVIEW), what they agreed changes only through an amendment the other side accepts. A direct
 * write to agreed content answers 409 with the amendment to propose instead.
 *
 * <p>What stays directly writable on an agreed plan is listed here explicitly ({@link #EXECUTION}
 * and {@link #PROCESS}), each with why; every other write under {@code /api/v1/plans/{id}} is agreed
 * content. The lists reach docs/openapi.yaml as {@code x-agreed-plan} on each operation, and the
 * e2e agreed-plan suite tries every write of the document against an agreed plan: an unlisted write
 * that does not answer 409 fails the build.
 */
public final class AgreedContent {

    /** The parts of a plan both sides agreed, each named as the amendment's part that changes it. */
    public enum Part {
        HEADER("The title, horizon, review cadence and signing policy", "plan"),
        SECTIONS("The written sections", "sections"),
        OBJECTIVES("Objectives and their per-period targets", "objectives"),
        MILESTONES("Milestones and their criteria", "milestones"),
        INVESTMENTS("Conditional investments and their conditions", "investments"),
        BUDGETS("Budgets' planned side (title, funding party, resource type, kind, currency, planned amount)", "budgets");

        private final String what;
        private final String amendmentPart;

        Part(String what, String amendmentPart) {
            this.what = what;
            this.amendmentPart = amendmentPart;
        }

        public String what() {
            return what;
        }

        /** The top-level member of the amendment's changes (and of the plan document its patches address). */
        public String amendmentPart() {
            return amendmentPart;
        }
    }

    /** Signed by both sides and not yet ended: the plan is a contract. */
    private static final Set<PlanStatus> IN_FORCE = EnumSet.of(PlanStatus.AGREED, PlanStatus.ACTIVE, PlanStatus.IN_REVIEW);

    /**
     * Execution, not agreement: writes that record how the plan is carried out and stay direct on an
     * agreed plan, for the people their own rules allow. Key: "METHOD path template" as in docs/openapi.yaml.
     */
    public static final Map<String, String> EXECUTION = ordered(
            "POST /api/v1/plans/{id}/actions", "Action items are the work done towards what was agreed; "
                    + "the strategies and objectives they serve are agreed content",
            "PUT /api/v1/plans/{id}/actions/{actionId}", "Action status, progress, owner and due date: how the work goes",
            "PUT /api/v1/plans/{id}/budgets/{budgetId}", "Budgets' committed and spent amounts; their planned side answers 409",
            "PUT /api/v1/plans/{id}/milestones/{milestoneId}", "Checklist ticks, recorded with who ticked and when; "
                    + "any other change to a milestone answers 409",
            "POST /api/v1/plans/{id}/reviews", "Review notes, decisions, attendees and the action items a review adds",
            "POST /api/v1/plans/{id}/escalations/{escalationId}/acknowledge", "Taking on an escalation raised by a slip",
            "POST /api/v1/plans/{id}/escalations/{escalationId}/resolve", "Resolving an escalation with a rectification plan "
                    + "of new action items",
            "PUT /api/v1/plans/{id}/escalation-policy", "Whom a slip is escalated to and after how long: operating the plan, "
                    + "not its commitments",
            "POST /api/v1/plans/{id}/fund-requests", "Asking for funds for an activity: spending from a budget line both sides "
                    + "agreed, through the vendor's approval; the planned amount stays as agreed",
            "POST /api/v1/plans/{id}/fund-requests/{fundRequestId}/decisions", "The vendor's approval of a fund request commits "
                    + "money on an agreed budget line (its committed side, execution); the planned side is never exceeded",
            "POST /api/v1/plans/{id}/fund-requests/{fundRequestId}/withdraw", "The partner taking back its own pending fund request");

    /**
     * Process, not content: writes that make, change, staff or end the agreement itself. Amendments are
     * the way agreed content changes; members are the people working the plan (who may sign is the
     * plan's signing policy, agreed content; signatures keep who signed which version).
     */
    public static final Map<String, String> PROCESS = ordered(
            "POST /api/v1/plans/{id}/amendments", "Proposing an amendment: the way agreed content changes",
            "POST /api/v1/plans/{id}/amendments/{amendmentId}/accept", "The other side's consent to an amendment",
            "POST /api/v1/plans/{id}/amendments/{amendmentId}/reject", "The other side's refusal of an amendment",
            "POST /api/v1/plans/{id}/amendments/{amendmentId}/withdraw", "The proposing side taking its amendment back",
            "POST /api/v1/plans/{id}/activate", "Putting the agreed plan into effect",
            "POST /api/v1/plans/{id}/close", "Ending the plan",
            "POST /api/v1/plans/{id}/renewal", "Drafting the successor plan within the renewal window",
            "POST /api/v1/plans/{id}/members", "Staffing the plan; whether a member may sign is the agreed signing policy",
            "DELETE /api/v1/plans/{id}/members/{subject}", "Staffing the plan; signatures already given keep who signed "
                    + "which version",
            "POST /api/v1/plans/{id}/invitations", "Staffing the plan: an invitation becomes a member once accepted",
            "DELETE /api/v1/plans/{id}/invitations/{invitationId}", "Taking back an invitation nobody accepted yet");

    private AgreedContent() {
    }

    /** Whether the plan is a contract: agreed, active or in review. */
    public static boolean inForce(PlanStatus status) {
        return IN_FORCE.contains(status);
    }

    /** @throws ProblemException 409 naming the amendment to propose when {@code part} of an agreed plan is written directly */
    public static void requireDirectWrite(UUID planId, PlanStatus status, Part part) {
        if (inForce(status)) {
            throw refused(planId, status, part);
        }
    }

    /** The 409 for a direct write to agreed content: which amendment to propose instead. */
    public static ProblemException refused(UUID planId, PlanStatus status, Part part) {
        return new ProblemException(409, "agreed-content", "Agreed content changes only through an amendment",
                part.what() + " of a" + (status == PlanStatus.AGREED ? "n agreed" : status == PlanStatus.ACTIVE ? "n active"
                        : " in-review") + " plan change only through an amendment the other side accepts: propose one with "
                        + "POST /api/v1/plans/" + planId + "/amendments carrying changes." + part.amendmentPart());
    }

    /**
     * How a write operation under a plan treats an agreed plan, for docs/openapi.yaml: {@code execution}
     * or {@code process} (direct, listed above) or {@code agreed} (409 on an agreed plan).
     */
    public static String classify(String operation) {
        if (EXECUTION.containsKey(operation)) {
            return "execution";
        }
        return PROCESS.containsKey(operation) ? "process" : "agreed";
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
