package io.partnerplan.plan.plan;

import java.util.Optional;

/**
 * Where a new plan starts: from the template the request names, else from the one the vendor marked for
 * the partner's tier and type. Implemented by the template feature (an interface here, so plans do not
 * depend on templates, which depend on plans).
 */
public interface TemplateStart {

    /** The plan drafted from a template, or empty when the request names none and none is marked for the partner. */
    Optional<PlanView> draftFromTemplate(PlanRequest request);
}
