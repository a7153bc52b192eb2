package io.partnerplan.plan.organisation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tiers of a programme of the caller's tenant, as the programme feature defines them: a partner's
 * profile names a programme and one of its tiers. (An interface here, so organisations do not depend on
 * the programme feature, which depends on them.)
 */
public interface ProgrammeTiers {

    /** The tier codes of the programme, entry tier first; empty when the tenant has no such programme. */
    Optional<List<String>> tierCodes(UUID programmeId);
}
