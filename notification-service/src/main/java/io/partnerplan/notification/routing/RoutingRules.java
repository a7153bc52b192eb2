package io.partnerplan.notification.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;

/** Which roles hear an event type in a tenant: its own rule where it set one, {@link DefaultRouting} otherwise. */
@ApplicationScoped
public class RoutingRules {

    private final EntityManager em;
    private final Caller caller;

    public RoutingRules(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    /** The roles that hear {@code eventType} in the current (caller's or event's) tenant. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> roles(String eventType) {
        return find(eventType).filter(r -> r.roles != null).<Set<String>>map(r -> Set.of(r.roles))
                .orElseGet(() -> DefaultRouting.roles(eventType));
    }

    @Transactional
    public List<RoutingRuleView> all() {
        Map<String, RoutingRule> own = em.createQuery("from RoutingRule", RoutingRule.class).getResultStream()
                .collect(Collectors.toMap(r -> r.eventType, Function.identity()));
        List<RoutingRuleView> views = new ArrayList<>();
        for (String type : DefaultRouting.eventTypes()) {
            views.add(view(type, own.get(type)));
        }
        return views;
    }

    @Transactional
    public RoutingRuleView get(String eventType) {
        if (!DefaultRouting.routes(eventType)) {
            throw ProblemException.notFound("Routing rule", eventType);
        }
        return view(eventType, find(eventType).orElse(null));
    }

    /** Sets the roles (or, with null, goes back to the default); If-Match names the version read. */
    @Transactional
    public RoutingRuleView set(String eventType, String ifMatch, List<String> roles) {
        requireRouted(eventType);
        Set<String> chosen = roles == null ? null : validate(roles);
        RoutingRule rule = find(eventType).orElse(null);
        Versions.requireMatch(ifMatch, etag(rule));
        if (rule == null) {
            rule = new RoutingRule();
            rule.id = Ids.next();
            rule.eventType = eventType;
        }
        rule.roles = chosen == null ? null : chosen.toArray(String[]::new);
        rule.updatedBy = caller.subject();
        rule.updatedAt = Instant.now();
        if (!em.contains(rule)) {
            em.persist(rule);
        }
        em.flush(); // the new version, for the ETag
        return view(eventType, rule);
    }

    private Optional<RoutingRule> find(String eventType) {
        return em.createQuery("from RoutingRule r where r.eventType = ?1", RoutingRule.class)
                .setParameter(1, eventType).getResultStream().findFirst();
    }

    private static void requireRouted(String eventType) {
        if (!DefaultRouting.routes(eventType)) {
            throw ProblemException.badRequest("eventType", "unknown or unrouted event type '" + eventType
                    + "' (routed: " + String.join(", ", DefaultRouting.eventTypes()) + ")");
        }
    }

    private static Set<String> validate(List<String> roles) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            if (!DefaultRouting.PLAN_ROLES.contains(roles.get(i))) {
                errors.add(new Problem.FieldError("roles[" + i + "]", "unknown plan role '" + roles.get(i) + "' (known: "
                        + String.join(", ", new TreeSet<>(DefaultRouting.PLAN_ROLES)) + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Request is not valid",
                    errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
        }
        return new TreeSet<>(roles);
    }

    /** 0 while the tenant never touched the type, so the first change is already told from the default. */
    private static long etag(RoutingRule rule) {
        return rule == null ? 0 : rule.version + 1;
    }

    private static RoutingRuleView view(String type, RoutingRule rule) {
        List<String> defaults = List.copyOf(new TreeSet<>(DefaultRouting.roles(type)));
        boolean isDefault = rule == null || rule.roles == null;
        List<String> roles = isDefault ? defaults : List.copyOf(new TreeSet<>(List.of(rule.roles)));
        return new RoutingRuleView(type, roles, defaults, isDefault, DefaultRouting.isEscalation(type),
                DefaultRouting.mandatory(type), etag(rule));
    }
}
