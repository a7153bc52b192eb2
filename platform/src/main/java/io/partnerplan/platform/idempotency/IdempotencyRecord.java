package io.partnerplan.platform.idempotency;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The first answer given for an idempotency key, per tenant and caller. */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @Column(name = "caller")
    public String caller;

    @Id
    @Column(name = "idem_key")
    public String key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    /** Null while the first request is still being processed. */
    public Integer status;

    @Column(name = "response_body", columnDefinition = "text")
    public String responseBody;

    @Column(name = "response_type")
    public String responseType;

    public String location;

    public String etag;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public record Key(String tenantId, String caller, String key) {
        public Key() {
            this(null, null, null);
        }
    }
}
