package io.partnerplan.plan.person;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.plan.organisation.OrganisationService;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;

/**
 * The people of each organisation. They come from their own verified tokens (just in time) or from
 * their organisation's integration client; nobody else writes a person's name, address, language or
 * zone. Every change is announced as {@code person.upserted}.
 */
@ApplicationScoped
public class Directory {

    private final EntityManager em;
    private final PersonRepository people;
    private final OrganisationService organisations;
    private final Outbox outbox;
    private final Caller caller;

    public Directory(EntityManager em, PersonRepository people, OrganisationService organisations, Outbox outbox, Caller caller) {
        this.em = em;
        this.people = people;
        this.organisations = organisations;
        this.outbox = outbox;
        this.caller = caller;
    }

    /**
     * The token's bearer, as their token says: added to their organisation's directory the first time,
     * updated from the claims it carries (absent claims leave what is known). The identity provider is
     * the authority on which organisation a person belongs to. Race-free: one statement.
     */
    @Transactional
    public void meet(TokenPerson token) {
        @SuppressWarnings("unchecked")
        List<Object> changed = em.createNativeQuery("""
                insert into person (id, tenant_id, subject, organisation_id, display_name, email, locale, time_zone,
                                    created_at, updated_at, version)
                select ?1, ?2, ?3, ?4, ?9, cast(?6 as text), cast(?7 as text), cast(?8 as text), ?10, ?10, 0
                where exists (select 1 from organisation o where o.id = ?4 and o.tenant_id = ?2)
                on conflict (tenant_id, subject) do update
                set organisation_id = excluded.organisation_id,
                    display_name = coalesce(cast(?5 as text), person.display_name),
                    email = coalesce(excluded.email, person.email),
                    locale = coalesce(excluded.locale, person.locale),
                    time_zone = coalesce(excluded.time_zone, person.time_zone),
                    updated_at = excluded.updated_at, version = person.version + 1
                where (person.organisation_id, person.display_name, person.email, person.locale, person.time_zone)
                      is distinct from (excluded.organisation_id, coalesce(cast(?5 as text), person.display_name),
                      coalesce(excluded.email, person.email), coalesce(excluded.locale, person.locale),
                      coalesce(excluded.time_zone, person.time_zone))
                returning id""")
                .setParameter(1, Ids.next()).setParameter(2, caller.requireTenant()).setParameter(3, token.subject())
                .setParameter(4, token.organisationId()).setParameter(5, token.name()).setParameter(6, token.email())
                .setParameter(7, token.locale()).setParameter(8, token.timeZone())
                .setParameter(9, token.displayNameOrFallback()).setParameter(10, Instant.now())
                .getResultList();
        for (Object id : changed) {
            announce(em.find(Person.class, id));
        }
    }

    /**
     * An integration client's word on one of its own organisation's people, by the id its system
     * knows them by. A subject that is already another organisation's person is refused (409).
     */
    @Transactional
    public Upserted upsert(String system, String externalId, String ifMatch, PersonRequest request) {
        UUID organisation = caller.requireOrganisation();
        organisations.find(organisation);
        String subject = request.subject().strip();
        Person person = people.byExternalId(organisation, system, externalId).or(() -> people.bySubject(subject)).orElse(null);
        boolean created = person == null;
        if (created) {
            person = new Person();
            person.id = Ids.next();
            person.subject = subject;
            person.organisationId = organisation;
            person.createdAt = Instant.now();
        } else {
            if (!person.organisationId.equals(organisation)) {
                throw ProblemException.conflict("The subject " + subject + " is a person of another organisation");
            }
            if (person.externalId != null && !(system.equals(person.externalSystem) && externalId.equals(person.externalId))) {
                throw ProblemException.conflict("The subject " + subject + " is known as " + person.externalSystem + "/"
                        + person.externalId);
            }
            if (!person.subject.equals(subject)) {
                throw ProblemException.badRequest("subject", "cannot change once the person exists (it is " + person.subject + ")");
            }
            if (ifMatch != null) {
                Versions.requireMatch(ifMatch, person.version);
            }
            if (same(person, system, externalId, request)) {
                return new Upserted(PersonView.of(person), false);
            }
        }
        person.externalSystem = system;
        person.externalId = externalId;
        person.displayName = request.displayName().strip();
        person.email = blankToNull(request.email());
        person.locale = blankToNull(request.locale());
        person.timeZone = blankToNull(request.timeZone());
        person.updatedAt = Instant.now();
        if (created) {
            people.persist(person);
        }
        return new Upserted(announce(person), created);
    }

    /** The caller's own entry (met just now by {@link DirectoryFilter}). */
    @Transactional
    public PersonView me() {
        caller.requireOrganisation();
        return people.bySubject(caller.subject()).map(PersonView::of)
                .orElseThrow(() -> ProblemException.notFound("Person", caller.subject()));
    }

    /** An organisation's people, for those who may see the organisation. */
    @Transactional
    public Page<PersonView> list(UUID organisation, PageRequest page) {
        organisations.get(organisation);
        return Page.of(people.page(organisation, page), page, p -> p.id, PersonView::of);
    }

    @Transactional
    public PersonView get(UUID id) {
        Person person = people.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Person", id));
        if (!organisations.visible(person.organisationId)) {
            throw ProblemException.notFound("Person", id);
        }
        return PersonView.of(person);
    }

    /** The directory's person with {@code subject}, for a membership: 400 naming {@code field} when unknown. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Person require(String field, String subject) {
        return people.bySubject(subject).orElseThrow(() -> ProblemException.badRequest(field,
                "is nobody in the directory yet: invite them (POST /api/v1/plans/{id}/invitations) or let their organisation's sync add them"));
    }

    private PersonView announce(Person person) {
        people.flush();
        PersonView view = PersonView.of(person);
        outbox.publish(PersonEvents.UPSERTED, person.id, view);
        return view;
    }

    private static boolean same(Person p, String system, String externalId, PersonRequest r) {
        return system.equals(p.externalSystem) && externalId.equals(p.externalId) && p.displayName.equals(r.displayName().strip())
                && java.util.Objects.equals(p.email, blankToNull(r.email())) && java.util.Objects.equals(p.locale, blankToNull(r.locale()))
                && java.util.Objects.equals(p.timeZone, blankToNull(r.timeZone()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public record Upserted(PersonView person, boolean created) {
    }
}
