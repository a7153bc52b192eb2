package io.partnerplan.plan.organisation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.partnerplan.platform.problem.ProblemException;

/**
 * Partner profiles: kept beside their organisation, set by the vendor's people, the tenant's admins and
 * the PRM/CRM syncs together with it. The tier is checked against the programme named with it; a new tier
 * starts its {@code tierSince} today.
 */
@ApplicationScoped
public class PartnerProfiles {

    static final String FIELD = "partnerProfile";

    private final EntityManager em;
    private final ProgrammeTiers programmes;
    private final Clock clock;

    public PartnerProfiles(EntityManager em, ProgrammeTiers programmes, Clock clock) {
        this.em = em;
        this.programmes = programmes;
        this.clock = clock;
    }

    /** The profiles of a page of organisations, in one query. */
    public Map<UUID, PartnerProfileView> forOrganisations(Collection<UUID> organisations) {
        if (organisations.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select distinct p from PartnerProfile p left join fetch p.regions where p.organisationId in ?1",
                        PartnerProfile.class)
                .setParameter(1, organisations).getResultStream()
                .collect(Collectors.toMap(p -> p.organisationId, PartnerProfileView::of));
    }

    public Optional<PartnerProfile> find(UUID organisation) {
        return Optional.ofNullable(em.find(PartnerProfile.class, organisation));
    }

    /**
     * Replaces the organisation's profile with the request's (checked first, 400 naming each field).
     *
     * @return whether anything changed (an equal profile changes nothing, so a sync run again is a no-op)
     */
    public boolean apply(Organisation organisation, PartnerProfileRequest request) {
        if (organisation.kind != OrganisationKind.PARTNER) {
            throw ProblemException.badRequest(FIELD, "only a partner organisation has a partner profile");
        }
        PartnerProfileRules.Profile wanted = PartnerProfileRules.check(request, FIELD, tiersOf());
        PartnerProfile profile = em.find(PartnerProfile.class, organisation.id);
        if (profile != null && PartnerProfileRules.Profile.of(profile).equals(wanted)) {
            return false;
        }
        boolean fresh = profile == null;
        if (fresh) {
            profile = new PartnerProfile();
            profile.organisationId = organisation.id;
        }
        boolean newTier = fresh || !Objects.equals(profile.tier, wanted.tier()) || !Objects.equals(profile.programmeId, wanted.programmeId());
        if (newTier) {
            profile.tierSince = wanted.tier() == null ? null : LocalDate.now(clock);
        }
        profile.programmeId = wanted.programmeId();
        profile.tier = wanted.tier();
        profile.partnerType = wanted.partnerType();
        profile.headcount = wanted.headcount();
        profile.regions.clear();
        profile.regions.addAll(wanted.regions());
        profile.segments = new ArrayList<>(wanted.segments());
        profile.specialisations = new ArrayList<>(wanted.specialisations());
        profile.certifications = new ArrayList<>(wanted.certifications());
        profile.updatedAt = Instant.now(clock);
        if (fresh) {
            em.persist(profile);
        }
        return true;
    }

    /** How many partners are enrolled in the programme, and hold one of {@code tiers} if given. */
    public long enrolled(UUID programmeId, Collection<String> tiers) {
        if (tiers == null) {
            return em.createQuery("select count(p) from PartnerProfile p where p.programmeId = ?1", Long.class)
                    .setParameter(1, programmeId).getSingleResult();
        }
        if (tiers.isEmpty()) {
            return 0;
        }
        return em.createQuery("select count(p) from PartnerProfile p where p.programmeId = ?1 and p.tier in ?2", Long.class)
                .setParameter(1, programmeId).setParameter(2, tiers).getSingleResult();
    }

    private Function<UUID, Optional<List<String>>> tiersOf() {
        return programmes::tierCodes;
    }
}
