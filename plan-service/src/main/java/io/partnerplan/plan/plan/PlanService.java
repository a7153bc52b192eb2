package io.partnerplan.plan.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.partnerplan.plan.organisation.Organisation;
import io.partnerplan.plan.organisation.OrganisationKind;
import io.partnerplan.plan.organisation.OrganisationService;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.plan.section.MergePatch;
import io.partnerplan.plan.section.PlanSections;
import io.partnerplan.plan.section.SectionOwnership;
import io.partnerplan.plan.section.SectionRules;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.events.EventType;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.security.Roles;

@ApplicationScoped
public class PlanService {

    private final PlanRepository plans;
    private final PlanSignOffRepository signOffs;
    private final OrganisationService organisations;
    private final Outbox outbox;
    private final Caller caller;
    private final Event<PlanChanged> changes;
    private final MemberRoles members;
    private final ObjectMapper json;
    private final Validator validator;
    private final PlanLimits limits;

    public PlanService(PlanRepository plans, PlanSignOffRepository signOffs, OrganisationService organisations,
                       Outbox outbox, Caller caller, Event<PlanChanged> changes, MemberRoles members, ObjectMapper json,
                       Validator validator, PlanLimits limits) {
        this.json = json;
        this.validator = validator;
        this.changes = changes;
        this.members = members;
        this.limits = limits;
        this.plans = plans;
        this.signOffs = signOffs;
        this.organisations = organisations;
        this.outbox = outbox;
        this.caller = caller;
    }

    /** A vendor manager drafts a plan with one of the tenant's partners. */
    @Transactional
    public PlanView draft(PlanRequest request) {
        return draft(request, PlanSections.empty());
    }

    /** A draft that starts with written sections: a renewal or a plan from a template. */
    @Transactional
    public PlanView draft(PlanRequest request, PlanSections sections) {
        return draft(request, sections, null);
    }

    /** A draft from a template: it starts with the template's sections and remembers which template. */
    @Transactional
    public PlanView draft(PlanRequest request, PlanSections sections, UUID templateId) {
        requireHorizon(request.horizonStart(), request.horizonEnd());
        Organisation vendor = organisations.find(caller.requireOrganisation());
        if (vendor.kind != OrganisationKind.VENDOR) {
            throw ProblemException.forbidden("Only the vendor's people draft plans; your organisation is a partner");
        }
        Organisation partner = organisations.find(request.partnerOrganisationId());
        if (partner.kind != OrganisationKind.PARTNER) {
            throw ProblemException.badRequest("partnerOrganisationId", "must name a partner organisation, not the vendor");
        }
        Plan plan = new Plan();
        plan.id = Ids.next();
        plan.vendorOrganisationId = vendor.id;
        plan.partnerOrganisationId = partner.id;
        plan.title = request.title().strip();
        plan.horizonStart = request.horizonStart();
        plan.horizonEnd = request.horizonEnd();
        plan.status = PlanStatus.DRAFT;
        plan.reviewCadence = request.reviewCadence() == null ? ReviewCadence.QUARTERLY : request.reviewCadence();
        plan.signingPolicy = request.signingPolicy() == null ? SigningPolicy.MANAGER_AND_OWNER : request.signingPolicy();
        plan.sections = sections;
        plan.templateId = templateId;
        plan.createdBy = caller.subject();
        plan.createdAt = Instant.now();
        plan.updatedAt = plan.createdAt;
        plans.persist(plan);
        plans.flush();
        outbox.publish(PlanEvents.CREATED, plan.id,
                new PlanCreated(plan.id, plan.vendorOrganisationId, plan.partnerOrganisationId, plan.title,
                        plan.horizonStart, plan.horizonEnd, plan.createdBy, vendor.name, partner.name));
        PlanView view = PlanView.of(plan, List.of());
        changes.fire(new PlanChanged(view, plan.sections, PlanEvents.CREATED.name(), caller.subject()));
        return view;
    }

    @Transactional
    public Versioned<PlanSections> sections(UUID id) {
        Plan plan = visible(id);
        return new Versioned<>(plan.sections, plan.version);
    }

    /**
     * Replaces the written sections of a draft or proposed plan, refusing to drop any content the
     * caller did not send (400 naming it) and to change the other side's own sections (403).
     */
    @Transactional
    public Versioned<PlanSections> replaceSections(UUID id, String ifMatch, PlanSections sections) {
        Plan plan = visible(id);
        requireDirectWrite(plan, AgreedContent.Part.SECTIONS);
        Versions.requireMatch(ifMatch, plan.version);
        JsonNode before = json.valueToTree(plan.sections);
        JsonNode after = json.valueToTree(sections);
        SectionOwnership.requireNothingDropped(before, after);
        return writeSections(plan, sections, SectionOwnership.changed(before, after));
    }

    /**
     * Edits the written sections of a draft or proposed plan with an RFC 7396 merge patch: absent
     * parts stay, {@code null} removes one. The other side's own sections are read-only (403). An
     * If-Match older than the plan still applies when none of the sections the patch changes changed
     * since that version, so two people editing different sections both keep their edit.
     */
    @Transactional
    public Versioned<PlanSections> patchSections(UUID id, String ifMatch, JsonNode patch) throws JsonProcessingException {
        Plan plan = visible(id);
        requireDirectWrite(plan, AgreedContent.Part.SECTIONS);
        if (!patch.isObject()) {
            throw ProblemException.badRequest("body", "must be a JSON object: a merge patch over the sections");
        }
        JsonNode before = json.valueToTree(plan.sections);
        PlanSections sections = json.treeToValue(MergePatch.apply(before, patch), PlanSections.class);
        var violations = validator.validate(sections);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Set<String> changed = SectionOwnership.changed(before, json.valueToTree(sections));
        Long read = readVersion(ifMatch);
        boolean untouchedSince = read != null && read < plan.version
                && changed.stream().allMatch(s -> plan.sectionVersions.getOrDefault(s, 0L) <= read);
        if (!untouchedSince) {
            Versions.requireMatch(ifMatch, plan.version);
        }
        return writeSections(plan, sections, changed);
    }

    private Versioned<PlanSections> writeSections(Plan plan, PlanSections sections, Set<String> changed) {
        SectionRules.requireValid(sections);
        SectionOwnership.requireMayWrite(plan.sideOf(caller.requireOrganisation()) == Side.VENDOR
                ? SectionOwnership.Owner.VENDOR : SectionOwnership.Owner.PARTNER, changed);
        if (changed.isEmpty()) {
            return new Versioned<>(plan.sections, plan.version); // nothing changed: no new version, signatures stand
        }
        plan.sections = sections;
        plan.updatedAt = Instant.now();
        java.util.Map<String, Long> versions = new java.util.HashMap<>(plan.sectionVersions);
        changed.forEach(s -> versions.put(s, plan.version + 1)); // the version this flush makes
        plan.sectionVersions = versions;
        signOffs.clear(plan.id);
        PlanView view = changed(plan, PlanEvents.UPDATED);
        return new Versioned<>(plan.sections, view.version());
    }

    /** The single version an If-Match names ({@code "7"} or {@code W/"7"}); null for anything else. */
    private static Long readVersion(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
            return null;
        }
        try {
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** 404 unless the caller's organisation is a party of the plan; for the plan's sub-resources. */
    public void requireVisible(UUID id) {
        visible(id);
    }

    /** Closed or renewed: the plan is over and no longer judged (no verdicts, due dates or overdue actions). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isFinished(UUID id) {
        Plan plan = plans.findById(id);
        return plan != null && (plan.status == PlanStatus.CLOSED || plan.status == PlanStatus.RENEWED);
    }

    @Transactional
    public PlanView get(UUID id) {
        Plan plan = visible(id);
        return PlanView.of(plan, signOffs.of(plan.id));
    }

    @Transactional
    public Page<PlanView> list(PlanFilter filter, PageRequest page) {
        List<Plan> rows = plans.search(caller.requireOrganisation(), filter, page);
        Map<UUID, List<PlanSignOff>> signed = signOffs.ofPlans(rows.stream().map(p -> p.id).toList()).stream()
                .collect(Collectors.groupingBy(s -> s.planId));
        return Page.of(rows, page, p -> p.id, p -> PlanView.of(p, signed.getOrDefault(p.id, List.of())));
    }

    @Transactional
    public PlanView update(UUID id, String ifMatch, PlanUpdate update) {
        requireHorizon(update.horizonStart(), update.horizonEnd());
        Plan plan = visible(id);
        requireDirectWrite(plan, AgreedContent.Part.HEADER);
        Versions.requireMatch(ifMatch, plan.version);
        plan.title = update.title().strip();
        plan.horizonStart = update.horizonStart();
        plan.horizonEnd = update.horizonEnd();
        plan.updatedAt = Instant.now();
        if (update.reviewCadence() != null) {
            plan.reviewCadence = update.reviewCadence();
        }
        if (update.signingPolicy() != null) {
            plan.signingPolicy = update.signingPolicy();
        }
        // A signature covers what was signed: an edit to a proposed plan needs both signatures again.
        signOffs.clear(plan.id);
        return changed(plan, PlanEvents.UPDATED);
    }

    /** Either side puts the draft forward for signature. */
    @Transactional
    public PlanView propose(UUID id, String ifMatch) {
        Plan plan = visible(id);
        requireAnyRole(Roles.VENDOR_MANAGER, Roles.PARTNER_OWNER, Roles.EXECUTIVE_SPONSOR);
        Versions.requireMatch(ifMatch, plan.version);
        move(plan, PlanStatus.PROPOSED);
        signOffs.clear(plan.id);
        return changed(plan, PlanEvents.PROPOSED);
    }

    /** Either side sends the proposal back for changes; signatures are void. */
    @Transactional
    public PlanView returnToDraft(UUID id, String ifMatch) {
        Plan plan = visible(id);
        requireAnyRole(Roles.VENDOR_MANAGER, Roles.PARTNER_OWNER, Roles.EXECUTIVE_SPONSOR);
        Versions.requireMatch(ifMatch, plan.version);
        move(plan, PlanStatus.DRAFT);
        signOffs.clear(plan.id);
        return changed(plan, PlanEvents.RETURNED_TO_DRAFT);
    }

    /**
     * The caller signs for their side. With both signatures the plan is agreed ({@code plan.agreed},
     * which starts the review schedule). Signing again for a side already signed changes nothing.
     */
    @Transactional
    public PlanView signOff(UUID id, String ifMatch) {
        Plan plan = visible(id);
        Side side = requireSigner(plan, "Signing");
        Versions.requireMatch(ifMatch, plan.version);
        if (plan.status != PlanStatus.PROPOSED) {
            throw ProblemException.conflict("Only a proposed plan can be signed; this one is " + plan.status.name().toLowerCase());
        }
        List<PlanSignOff> existing = signOffs.of(plan.id);
        if (existing.stream().anyMatch(s -> s.side == side)) {
            return PlanView.of(plan, existing);
        }
        PlanSignOff signature = new PlanSignOff();
        signature.planId = plan.id;
        signature.side = side;
        signature.signedBy = caller.subject();
        signature.signedAt = Instant.now();
        signature.planVersion = plan.version;
        signOffs.persist(signature);
        Set<Side> signed = EnumSet.of(side);
        existing.forEach(s -> signed.add(s.side));
        if (!PlanLifecycle.agreedBy(signed)) {
            plan.updatedAt = signature.signedAt;
            return changed(plan, PlanEvents.SIGNED_OFF);
        }
        move(plan, PlanStatus.AGREED);
        return changed(plan, PlanEvents.AGREED);
    }

    /**
     * The caller's side, once their membership of the plan holds that side's signing role under the
     * plan's signing policy (403 otherwise): for signatures and for deciding amendments.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Side requireSigner(UUID id, String what) {
        return requireSigner(visible(id), what);
    }

    private Side requireSigner(Plan plan, String what) {
        Side side = plan.sideOf(caller.requireOrganisation());
        var membership = members.of(plan.id, caller.subject())
                .filter(m -> m.organisationId().equals(caller.requireOrganisation()));
        if (membership.isEmpty() || !PlanLifecycle.maySignFor(side, membership.get().role(), plan.signingPolicy)) {
            throw ProblemException.forbidden(what + " for the " + side.name().toLowerCase() + " needs a member of this plan "
                    + "holding the " + PlanLifecycle.signersOf(side, plan.signingPolicy) + " role on it"
                    + membership.map(m -> "; yours is " + m.role()).orElse("; you are not a member"));
        }
        return side;
    }

    /** 409 naming the amendment when {@code part} of an agreed plan is written directly; 409 on a closed or renewed plan. */
    private static void requireDirectWrite(Plan plan, AgreedContent.Part part) {
        if (plan.status == PlanStatus.CLOSED || plan.status == PlanStatus.RENEWED) {
            throw ProblemException.conflict("A " + plan.status.name().toLowerCase() + " plan takes no changes");
        }
        AgreedContent.requireDirectWrite(plan.id, plan.status, part);
    }

    /** The vendor puts an agreed plan into effect. */
    @Transactional
    public PlanView activate(UUID id, String ifMatch) {
        Plan plan = authorised(id, ifMatch, this::requireVendorManager);
        move(plan, PlanStatus.ACTIVE);
        return changed(plan, PlanEvents.ACTIVATED);
    }

    @Transactional
    public PlanView close(UUID id, String ifMatch) {
        Plan plan = authorised(id, ifMatch, this::requireVendorManager);
        move(plan, PlanStatus.CLOSED);
        return changed(plan, PlanEvents.CLOSED);
    }

    /**
     * The review cycle: calendar's review.due moves an active plan in review, a held review moves it
     * back. Published as plan.updated (the catalogue has no event of its own for it). A plan in any
     * other state stays as it is. No caller organisation needed: also runs from the event consumer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PlanView> reviewCycle(UUID id, PlanStatus to) {
        Plan plan = plans.findById(id);
        PlanStatus from = to == PlanStatus.IN_REVIEW ? PlanStatus.ACTIVE : PlanStatus.IN_REVIEW;
        if (plan == null || plan.status != from) {
            return Optional.empty();
        }
        move(plan, to);
        return Optional.of(changed(plan, PlanEvents.UPDATED));
    }

    /**
     * A new version of the plan for a change to content kept beside the plan row (objectives,
     * budgets) or an accepted amendment ({@code sections} non-null replaces them). Bumps the version
     * and keeps the snapshot; the caller publishes its own event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlanView recordContentChange(UUID id, String change, PlanSections sections) {
        Plan plan = visible(id);
        if (sections != null) {
            java.util.Map<String, Long> versions = new java.util.HashMap<>(plan.sectionVersions);
            SectionOwnership.changed(json.valueToTree(plan.sections), json.valueToTree(sections))
                    .forEach(s -> versions.put(s, plan.version + 1));
            plan.sectionVersions = versions;
            plan.sections = sections;
        }
        if (plan.status == PlanStatus.PROPOSED) {
            signOffs.clear(plan.id); // as for sections: a signature covers what was signed
        }
        plan.updatedAt = Instant.now();
        return recorded(plan, change);
    }

    /**
     * The header an amendment's merge patch over {title, horizonStart, horizonEnd, reviewCadence,
     * signingPolicy} leaves; 400 naming the field under {@code prefix}.
     */
    public PlanUpdate amendedHeader(PlanView plan, String prefix, JsonNode patch) {
        com.fasterxml.jackson.databind.node.ObjectNode header = json.createObjectNode();
        header.put("title", plan.title());
        header.put("horizonStart", plan.horizonStart().toString());
        header.put("horizonEnd", plan.horizonEnd().toString());
        header.put("reviewCadence", plan.reviewCadence().name());
        header.put("signingPolicy", plan.signingPolicy().name());
        PlanUpdate update = read(prefix, MergePatch.apply(header, patch), PlanUpdate.class);
        if (!update.horizonEnd().isAfter(update.horizonStart())) {
            throw ProblemException.badRequest(prefix + ".horizonEnd", "must be after horizonStart");
        }
        return update;
    }

    /** The sections an amendment's merge patch leaves; 400 naming the field under {@code prefix}. */
    public PlanSections amendedSections(PlanView plan, String prefix, JsonNode patch) {
        Plan current = visible(plan.id());
        PlanSections sections = read(prefix, MergePatch.apply(json.valueToTree(current.sections), patch), PlanSections.class);
        try {
            SectionRules.requireValid(sections);
        } catch (ProblemException e) {
            throw new ProblemException(e.status(), e.slug(), e.title(), prefix + "." + e.getMessage(), e.errors().stream()
                    .map(f -> new io.partnerplan.platform.problem.Problem.FieldError(prefix + "." + f.field(), f.message())).toList());
        }
        return sections;
    }

    private <T> T read(String prefix, JsonNode node, Class<T> type) {
        T value;
        try {
            value = json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce("", String::concat) : "";
            throw ProblemException.badRequest(prefix + field, e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
                    ? "unknown property" : "could not be read");
        }
        var violations = validator.validate(value);
        if (!violations.isEmpty()) {
            var errors = violations.stream().map(v -> new io.partnerplan.platform.problem.Problem.FieldError(
                    prefix + "." + v.getPropertyPath(), v.getMessage())).sorted(java.util.Comparator.comparing(
                    io.partnerplan.platform.problem.Problem.FieldError::field)).toList();
            throw new ProblemException(400, "validation", "Request is not valid", errors.get(0).field() + ": "
                    + errors.get(0).message(), errors);
        }
        return value;
    }

    /**
     * An accepted amendment's new version: its header and sections (each null when unchanged) with
     * the parts beside the plan row already applied in this transaction. Bumps the version once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlanView applyAmendment(UUID id, PlanUpdate header, PlanSections sections) {
        Plan plan = visible(id);
        if (header != null) {
            plan.title = header.title().strip();
            plan.horizonStart = header.horizonStart();
            plan.horizonEnd = header.horizonEnd();
            plan.reviewCadence = header.reviewCadence();
            plan.signingPolicy = header.signingPolicy();
        }
        return recordContentChange(id, "plan.amended", sections);
    }

    /** The vendor's manager renews an active or in-review plan; plan.renewed is the renewal's to publish. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlanView markRenewed(UUID id, String ifMatch, java.util.function.Consumer<PlanView> allowed) {
        Plan plan = authorised(id, ifMatch, this::requireVendorManager);
        if (plan.status != PlanStatus.ACTIVE && plan.status != PlanStatus.IN_REVIEW) {
            throw ProblemException.conflict("Only an active or in-review plan is renewed; this one is "
                    + plan.status.name().toLowerCase());
        }
        allowed.accept(PlanView.of(plan, signOffs.of(plan.id)));
        move(plan, PlanStatus.RENEWED);
        return recorded(plan, "plan.renewed");
    }

    /** Links a renewed plan to the draft made from it (no new version: the renewal's version records it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeededBy(UUID renewed, UUID successor) {
        visible(renewed).successorPlanId = successor;
    }

    /**
     * Whether a renewed plan is still the one in force: its successor is not agreed yet (a draft or
     * proposed), so the renewed plan is still reviewed. False for any plan not renewed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean renewedAwaitingSuccessor(UUID id) {
        Plan plan = visible(id);
        if (plan.status != PlanStatus.RENEWED || plan.successorPlanId == null) {
            return false;
        }
        Plan successor = plans.findById(plan.successorPlanId);
        return successor != null && (successor.status == PlanStatus.DRAFT || successor.status == PlanStatus.PROPOSED);
    }

    /**
     * The plan, once the caller may act on it (404 unless visible, then 403 unless {@code authorise}
     * lets them) and their If-Match is current (412): who may act comes before whether their copy
     * is stale, so a viewer hears 403, not a version to retry with.
     */
    private Plan authorised(UUID id, String ifMatch, java.util.function.Consumer<Plan> authorise) {
        Plan plan = visible(id);
        authorise.accept(plan);
        Versions.requireMatch(ifMatch, plan.version);
        return plan;
    }

    private static void move(Plan plan, PlanStatus to) {
        PlanLifecycle.requireTransition(plan.status, to);
        plan.status = to;
        plan.updatedAt = Instant.now();
    }

    /** Flushes (bumping the version), publishes the plan's new state and answers it. */
    private PlanView changed(Plan plan, EventType<PlanView> event) {
        plans.flush();
        PlanView view = PlanView.of(plan, signOffs.of(plan.id));
        outbox.publish(event, plan.id, view);
        changes.fire(new PlanChanged(view, plan.sections, event.name(), caller.subject()));
        return view;
    }

    /** Flushes (bumping the version) and keeps the version, without an event of the plan's own. */
    private PlanView recorded(Plan plan, String change) {
        plans.flush();
        PlanView view = PlanView.of(plan, signOffs.of(plan.id));
        changes.fire(new PlanChanged(view, plan.sections, change, caller.subject()));
        return view;
    }

    private void requireAnyRole(String... roles) {
        for (String role : roles) {
            if (caller.hasRole(role)) {
                return;
            }
        }
        throw ProblemException.forbidden("This needs one of the roles " + String.join(", ", roles));
    }

    private void requireVendorManager(Plan plan) {
        if (plan.sideOf(caller.requireOrganisation()) != Side.VENDOR || !caller.hasRole(Roles.VENDOR_MANAGER)) {
            throw ProblemException.forbidden("Only the vendor's manager of this plan may do this");
        }
    }

    /** The plan if the caller's organisation is one of its parties; 404 otherwise, so ids do not leak. */
    private Plan visible(UUID id) {
        Plan plan = plans.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Plan", id));
        if (!plan.hasParty(caller.requireOrganisation())) {
            throw ProblemException.notFound("Plan", id);
        }
        return plan;
    }

    private void requireHorizon(LocalDate start, LocalDate end) {
        if (!end.isAfter(start)) {
            throw ProblemException.badRequest("horizonEnd", "must be after horizonStart");
        }
        int years = limits.maxHorizonYears();
        if (!end.isBefore(start.plusYears(years))) {
            throw ProblemException.badRequest("horizonEnd", "a horizon spans at most " + years + " years: must be on or before "
                    + start.plusYears(years).minusDays(1));
        }
    }

    /** A value with the plan version it belongs to (the ETag). */
    public record Versioned<T>(T value, long version) {
    }

    /** Data of {@code plan.created}; see docs/events. */
    public record PlanCreated(UUID planId, UUID vendorOrganisationId, UUID partnerOrganisationId, String title,
                              LocalDate horizonStart, LocalDate horizonEnd, String createdBy,
                              String vendorName, String partnerName) {
    }
}
