package io.partnerplan.notification.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.notification.delivery.Channel;
import io.partnerplan.notification.delivery.Delivery;
import io.partnerplan.notification.delivery.DeliveryStatus;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;

/**
 * Webhook subscriptions, their delivery log, dead letters and replays. A tenant admin manages the tenant's
 * own subscriptions (any event type) and sees every subscription; an organisation's integration client
 * manages its organisation's own, which receive only the events of that organisation's plans
 * ({@link EventCatalogue#OF_A_PLAN}), and sees nothing of anyone else's (404).
 */
@ApplicationScoped
public class Webhooks {

    private final EntityManager em;
    private final Caller caller;
    private final WebhookConfig config;
    private final UrlGuard guard;

    private final SecretCipher cipher;

    public Webhooks(EntityManager em, Caller caller, WebhookConfig config, SecretCipher cipher) {
        this.cipher = cipher;
        this.em = em;
        this.caller = caller;
        this.config = config;
        this.guard = new UrlGuard(config.allowInsecure(), config.allowPrivateNetworks(), UrlGuard.DNS);
    }

    public record Versioned<T>(T value, long version) {
    }

    @Transactional
    public WebhookView create(WebhookRequest request) {
        List<String> types = validate(request);
        WebhookSubscription s = new WebhookSubscription();
        s.id = Ids.next();
        s.url = request.url().trim();
        s.description = request.description();
        s.eventTypes = types.toArray(String[]::new);
        s.active = request.active() == null || request.active();
        s.organisationId = owner().orElse(null);
        String secret = Signatures.newSecret();
        s.secret = cipher.seal(secret);
        s.createdBy = caller.subject();
        s.createdAt = Instant.now();
        em.persist(s);
        return WebhookView.of(s, secret, Instant.now());
    }

    @Transactional
    public Page<WebhookView> list(PageRequest page) {
        var owner = owner();
        var query = em.createQuery("from WebhookSubscription w where w.id > :after"
                        + (owner.isPresent() ? " and w.organisationId = :owner" : "") + " order by w.id", WebhookSubscription.class)
                .setParameter("after", page.after().orElse(new UUID(0, 0)));
        owner.ifPresent(o -> query.setParameter("owner", o));
        List<WebhookSubscription> rows = query.setMaxResults(page.limit() + 1).getResultList();
        Instant now = Instant.now();
        return Page.of(rows, page, w -> w.id, w -> WebhookView.of(w, null, now));
    }

    @Transactional
    public Versioned<WebhookView> get(UUID id) {
        WebhookSubscription s = require(id);
        return new Versioned<>(WebhookView.of(s, null, Instant.now()), s.version);
    }

    @Transactional
    public Versioned<WebhookView> update(UUID id, String ifMatch, WebhookRequest request) {
        WebhookSubscription s = require(id);
        Versions.requireMatch(ifMatch, s.version);
        List<String> types = validate(request);
        boolean moved = !s.url.equals(request.url().trim());
        s.url = request.url().trim();
        s.description = request.description();
        s.eventTypes = types.toArray(String[]::new);
        s.active = request.active() == null || request.active();
        em.flush();
        if (moved) {
            // Another endpoint: the old one's failures say nothing about it.
            em.createNativeQuery("update webhook_subscription set consecutive_failures = 0, circuit_open_until = null where id = ?1")
                    .setParameter(1, id).executeUpdate();
            s.consecutiveFailures = 0;
            s.circuitOpenUntil = null;
        }
        return new Versioned<>(WebhookView.of(s, null, Instant.now()), s.version);
    }

    /** Deletes the subscription with its delivery log; nothing more is sent to it. */
    @Transactional
    public void delete(UUID id) {
        WebhookSubscription s = require(id);
        em.createQuery("delete from Delivery d where d.channel = :channel and d.recipient = :webhook")
                .setParameter("channel", Channel.WEBHOOK).setParameter("webhook", id.toString()).executeUpdate();
        em.remove(s);
    }

    /** A new secret; the old one keeps signing (a second signature) for the grace period. */
    @Transactional
    public WebhookSecretView rotate(UUID id) {
        WebhookSubscription s = require(id);
        s.previousSecret = cipher.seal(cipher.open(s.secret)); // a secret stored before encryption is sealed now
        s.previousSecretExpiresAt = Instant.now().plus(config.secretGracePeriod());
        String secret = Signatures.newSecret();
        s.secret = cipher.seal(secret);
        return new WebhookSecretView(secret, s.previousSecretExpiresAt);
    }

    @Transactional
    public Page<DeliveryView> deliveries(UUID id, DeliveryStatus status, PageRequest page) {
        require(id);
        return deliveryPage("d.recipient = :webhook" + (status == null ? "" : " and d.status = :status"), id, status, page, null);
    }

    /** Deliveries of every subscription of the tenant that exhausted their attempts, newest first. */
    @Transactional
    public Page<DeliveryView> deadLetters(PageRequest page) {
        // An organisation's client sees the dead letters of its own subscriptions only.
        return deliveryPage("d.status = :status", null, DeliveryStatus.FAILED, page, owner().orElse(null));
    }

    /** Sends a dead letter again, with a fresh set of attempts. */
    @Transactional
    public DeliveryView replay(UUID id, UUID deliveryId) {
        require(id);
        Delivery d = em.createQuery("from Delivery d where d.id = :id and d.channel = :channel and d.recipient = :webhook", Delivery.class)
                .setParameter("id", deliveryId).setParameter("channel", Channel.WEBHOOK).setParameter("webhook", id.toString())
                .getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("Delivery", deliveryId));
        if (d.status != DeliveryStatus.FAILED) {
            throw ProblemException.conflict("Only a FAILED delivery (a dead letter) can be replayed; this one is " + d.status);
        }
        d.status = DeliveryStatus.PENDING;
        d.attempts = 0;
        d.nextAttemptAt = Instant.now();
        d.completedAt = null;
        return DeliveryView.of(d);
    }

    private Page<DeliveryView> deliveryPage(String filter, UUID webhook, DeliveryStatus status, PageRequest page, UUID owner) {
        var query = em.createQuery("from Delivery d where d.channel = :channel and " + filter
                        + (owner == null ? "" : " and d.recipient in (select cast(w.id as String) from WebhookSubscription w "
                                + "where w.organisationId = :owner)")
                        + (page.after().isPresent() ? " and d.id < :after" : "") + " order by d.id desc", Delivery.class)
                .setParameter("channel", Channel.WEBHOOK);
        if (owner != null) {
            query.setParameter("owner", owner);
        }
        if (webhook != null) {
            query.setParameter("webhook", webhook.toString());
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        page.after().ifPresent(after -> query.setParameter("after", after));
        return Page.of(query.setMaxResults(page.limit() + 1).getResultList(), page, d -> d.id, DeliveryView::of);
    }

    /** A subscription the caller manages: any of the tenant's for a tenant admin, its organisation's for a client; else 404. */
    private WebhookSubscription require(UUID id) {
        var owner = owner();
        return em.createQuery("from WebhookSubscription w where w.id = :id", WebhookSubscription.class)
                .setParameter("id", id).getResultStream()
                .filter(w -> owner.isEmpty() || owner.get().equals(w.organisationId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Webhook", id));
    }

    /**
     * Whose subscriptions the caller manages: empty for a tenant admin (the tenant's own, and sees all), the
     * caller's organisation for an integration client (403 for a client token without organisation).
     */
    private java.util.Optional<UUID> owner() {
        if (caller.hasRole(io.partnerplan.platform.security.Roles.TENANT_ADMIN)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(caller.requireOrganisation());
    }

    /** @return the event types, each once, in the order given */
    private List<String> validate(WebhookRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        guard.violation(request.url().trim()).ifPresent(rule -> errors.add(new Problem.FieldError("url", rule)));
        boolean organisations = owner().isPresent();
        for (int i = 0; i < request.eventTypes().size(); i++) {
            String type = request.eventTypes().get(i);
            if (!EventCatalogue.SUBSCRIBABLE.contains(type)) {
                errors.add(new Problem.FieldError("eventTypes[" + i + "]",
                        "unknown event type '" + type + "' (known: " + String.join(", ", EventCatalogue.SUBSCRIBABLE) + ")"));
            } else if (organisations && !EventCatalogue.OF_A_PLAN.contains(type)) {
                errors.add(new Problem.FieldError("eventTypes[" + i + "]", "'" + type + "' is not an event of a plan: an "
                        + "organisation's client receives the events of its own plans (" + String.join(", ", EventCatalogue.OF_A_PLAN) + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Request is not valid",
                    errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
        }
        return List.copyOf(new LinkedHashSet<>(request.eventTypes()));
    }
}
