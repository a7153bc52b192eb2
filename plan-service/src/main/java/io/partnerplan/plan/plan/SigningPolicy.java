package io.partnerplan.plan.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who signs for each side: part of what the parties agree, so it changes on an agreed plan only by amendment. */
@Schema(name = "SigningPolicy", description = "MANAGER_AND_OWNER: the vendor's manager signs for the vendor, the partner's owner for "
        + "the partner. SPONSORS_TOO: each side's executive sponsors on the plan may sign for their side as well.")
public enum SigningPolicy {
    MANAGER_AND_OWNER, SPONSORS_TOO
}
