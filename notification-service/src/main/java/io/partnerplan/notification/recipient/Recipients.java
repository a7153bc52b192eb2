package io.partnerplan.notification.recipient;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerplan.platform.events.PoisonEventException;
import io.partnerplan.platform.persistence.Ids;

/** The projection of plans and their members that decides who hears what. */
@ApplicationScoped
public class Recipients {

    private final EntityManager em;

    public Recipients(EntityManager em) {
        this.em = em;
    }

    /** Keeps the plan copy current from any plan event carrying the plan (plan.created, plan.updated, ...). */
    @Transactional(Transactional.TxType.MANDATORY)
    public KnownPlan remember(JsonNode plan, Instant at) {
        UUID id = uuid(plan, plan.has("planId") ? "planId" : "id");
        KnownPlan known = em.find(KnownPlan.class, id);
        boolean fresh = known == null;
        if (fresh) {
            known = new KnownPlan();
            known.planId = id;
            known.status = "DRAFT";
        }
        known.title = text(plan, "title");
        known.vendorOrganisationId = uuid(plan, "vendorOrganisationId");
        known.partnerOrganisationId = uuid(plan, "partnerOrganisationId");
        if (plan.hasNonNull("status")) {
            known.status = plan.get("status").asText();
        }
        known.updatedAt = at;
        if (fresh) {
            em.persist(known);
        }
        return known;
    }

    public Optional<KnownPlan> plan(UUID id) {
        return Optional.ofNullable(em.find(KnownPlan.class, id));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public PlanRecipient added(JsonNode member) {
        UUID plan = uuid(member, "planId");
        String subject = text(member, "subject");
        PlanRecipient recipient = of(plan, subject).orElseGet(PlanRecipient::new);
        if (recipient.id == null) {
            recipient.id = Ids.next();
            recipient.planId = plan;
            recipient.subject = subject;
        }
        recipient.organisationId = uuid(member, "organisationId");
        recipient.side = text(member, "side");
        recipient.role = text(member, "role");
        recipient.displayName = text(member, "displayName");
        recipient.email = member.hasNonNull("email") ? member.get("email").asText() : null;
        if (!em.contains(recipient)) {
            em.persist(recipient);
        }
        return recipient;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void removed(JsonNode member) {
        of(uuid(member, "planId"), text(member, "subject")).ifPresent(em::remove);
    }

    public List<PlanRecipient> ofPlan(UUID plan) {
        return em.createQuery("from PlanRecipient r where r.planId = ?1 order by r.id", PlanRecipient.class)
                .setParameter(1, plan).getResultList();
    }

    private Optional<PlanRecipient> of(UUID plan, String subject) {
        return em.createQuery("from PlanRecipient r where r.planId = ?1 and r.subject = ?2", PlanRecipient.class)
                .setParameter(1, plan).setParameter(2, subject).getResultStream().findFirst();
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new PoisonEventException("event data lacks " + field);
        }
        return value.asText();
    }

    private static UUID uuid(JsonNode data, String field) {
        try {
            return UUID.fromString(text(data, field));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(field + " is not a UUID");
        }
    }
}
