package io.partnerplan.plan.funds;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.plan.organisation.Organisation;
import io.partnerplan.plan.organisation.OrganisationKind;
import io.partnerplan.plan.organisation.OrganisationService;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.security.Roles;

/**
 * The vendor's approval policy for fund requests. Until the vendor sets one, every request needs one decision
 * by a vendor manager, and an approval is claimed within 90 days after the activity ends.
 */
@ApplicationScoped
public class FundPolicies {

    static final int DEFAULT_CLAIM_WINDOW_DAYS = 90;
    static final int DEFAULT_REMINDER_DAYS = 14;
    static final ApprovalPath DEFAULT = new ApprovalPath(null, List.of(new ApprovalLevel("0", Roles.VENDOR_MANAGER)),
            DEFAULT_CLAIM_WINDOW_DAYS, DEFAULT_REMINDER_DAYS);

    private final EntityManager em;
    private final OrganisationService organisations;
    private final Caller caller;
    private final Clock clock;

    public FundPolicies(EntityManager em, OrganisationService organisations, Caller caller, Clock clock) {
        this.em = em;
        this.organisations = organisations;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public FundPolicyView mine() {
        UUID vendor = requireVendor();
        return find(vendor).map(FundPolicies::view).orElseGet(() -> new FundPolicyView(vendor, null, DEFAULT.levels(),
                DEFAULT.claimWindowDays(), DEFAULT.reminderDays(), null, null, 0));
    }

    @Transactional
    public FundPolicyView replace(String ifMatch, FundPolicyRequest request) {
        UUID vendor = requireVendor();
        if (!caller.hasRole(Roles.VENDOR_MANAGER)) {
            throw ProblemException.forbidden("Only the vendor's managers set the approval policy for funds");
        }
        FundPolicy policy = find(vendor).orElse(null);
        Versions.requireMatch(ifMatch, policy == null ? 0 : policy.version);
        FundRules.requireCurrency("currency", request.currency());
        FundRules.requireValidLevels(request.levels());
        boolean created = policy == null;
        if (created) {
            policy = new FundPolicy();
            policy.id = Ids.next();
            policy.vendorOrganisationId = vendor;
        }
        policy.currency = request.currency();
        policy.levels = request.levels().stream().map(l -> new ApprovalLevel(FundRules.plain(new java.math.BigDecimal(l.minAmount())),
                l.role())).toList();
        policy.claimWindowDays = request.claimWindowDays() == null ? DEFAULT_CLAIM_WINDOW_DAYS : request.claimWindowDays();
        policy.reminderDays = request.reminderDays() == null ? DEFAULT_REMINDER_DAYS : request.reminderDays();
        policy.updatedBy = caller.subject();
        policy.updatedAt = Instant.now(clock);
        if (created) {
            em.persist(policy);
        }
        em.flush();
        return view(policy);
    }

    /** The path a request submitted now to {@code vendor} follows: its policy as it stands, else the default. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ApprovalPath pathOf(UUID vendor) {
        return find(vendor).map(p -> new ApprovalPath(p.currency, p.levels, p.claimWindowDays, p.reminderDays)).orElse(DEFAULT);
    }

    private java.util.Optional<FundPolicy> find(UUID vendor) {
        return em.createQuery("from FundPolicy where vendorOrganisationId = ?1", FundPolicy.class).setParameter(1, vendor)
                .getResultStream().findFirst();
    }

    private UUID requireVendor() {
        Organisation organisation = organisations.find(caller.requireOrganisation());
        if (organisation.kind != OrganisationKind.VENDOR) {
            throw ProblemException.forbidden("The approval policy for funds is the vendor's; your organisation is a partner");
        }
        return organisation.id;
    }

    private static FundPolicyView view(FundPolicy p) {
        return new FundPolicyView(p.vendorOrganisationId, p.currency, p.levels, p.claimWindowDays, p.reminderDays, p.updatedBy,
                p.updatedAt, p.version);
    }
}
