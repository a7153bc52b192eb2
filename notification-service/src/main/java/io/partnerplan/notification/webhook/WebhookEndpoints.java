package io.partnerplan.notification.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What the dispatcher needs of a subscription, read and written across tenants by id (native SQL):
 * where to send, which secrets sign, and the circuit breaker state shared by all replicas.
 */
@ApplicationScoped
public class WebhookEndpoints {

    private final EntityManager em;

    private final SecretCipher cipher;

    public WebhookEndpoints(EntityManager em, SecretCipher cipher) {
        this.cipher = cipher;
        this.em = em;
    }

    public record Endpoint(UUID id, String url, boolean active, List<String> secrets, int consecutiveFailures, Instant openUntil) {

        public Circuit circuit(Instant now) {
            return Circuit.of(openUntil, now);
        }
    }

    @Transactional
    public Optional<Endpoint> load(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select url, active, secret, previous_secret, previous_secret_expires_at, consecutive_failures, circuit_open_until
                from webhook_subscription where id = ?1""").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        List<String> secrets = new ArrayList<>(List.of(cipher.open((String) r[2])));
        Instant previousUntil = instant(r[4]);
        if (r[3] != null && previousUntil != null && previousUntil.isAfter(Instant.now())) {
            secrets.add(cipher.open((String) r[3]));
        }
        return Optional.of(new Endpoint(id, (String) r[0], (Boolean) r[1], secrets, ((Number) r[5]).intValue(), instant(r[6])));
    }

    /** The endpoint answered: its circuit closes. */
    @Transactional
    public Endpoint succeeded(Endpoint endpoint) {
        em.createNativeQuery("update webhook_subscription set consecutive_failures = 0, circuit_open_until = null where id = ?1")
                .setParameter(1, endpoint.id()).executeUpdate();
        return new Endpoint(endpoint.id(), endpoint.url(), endpoint.active(), endpoint.secrets(), 0, null);
    }

    /**
     * Takes the one trial call of a half-open circuit: re-opens it for {@code coolDown} in the same
     * statement, so no other replica (nor this one) sees it half-open and tries too; the trial's outcome
     * then closes it ({@link #succeeded}) or opens it anew ({@link #failed}).
     *
     * @return whether this caller got the trial
     */
    @Transactional
    public boolean claimTrial(Endpoint endpoint, Instant now, Duration coolDown) {
        return em.createNativeQuery("""
                update webhook_subscription set circuit_open_until = ?2
                where id = ?1 and circuit_open_until is not null and circuit_open_until <= ?3""")
                .setParameter(1, endpoint.id()).setParameter(2, now.plus(coolDown)).setParameter(3, now)
                .executeUpdate() == 1;
    }

    /** One more consecutive failure; at {@code threshold} (or a failed half-open trial) the circuit opens for {@code coolDown}. */
    @Transactional
    public Endpoint failed(Endpoint endpoint, int threshold, Duration coolDown) {
        Object[] r = (Object[]) em.createNativeQuery("""
                update webhook_subscription set consecutive_failures = consecutive_failures + 1,
                    circuit_open_until = case when consecutive_failures + 1 >= ?2 then ?3 else circuit_open_until end
                where id = ?1 returning consecutive_failures, circuit_open_until""")
                .setParameter(1, endpoint.id()).setParameter(2, threshold).setParameter(3, Instant.now().plus(coolDown))
                .getResultList().stream().findFirst().orElse(new Object[] { endpoint.consecutiveFailures() + 1, null });
        return new Endpoint(endpoint.id(), endpoint.url(), endpoint.active(), endpoint.secrets(), ((Number) r[0]).intValue(), instant(r[1]));
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
        };
    }
}
