package io.partnerplan.platform.idempotency;

import jakarta.enterprise.context.RequestScoped;

/** The current request's Idempotency-Key and the hash of what it asks, set by {@link IdempotencyFilters}. */
@RequestScoped
public class IdempotentRequest {

    private String key;
    private String hash;

    void set(String key, String hash) {
        this.key = key;
        this.hash = hash;
    }

    boolean present() {
        return key != null;
    }

    String key() {
        return key;
    }

    String hash() {
        return hash;
    }
}
