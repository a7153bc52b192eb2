package io.partnerplan.notification.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * Keeps webhook signing secrets encrypted at rest (AES-GCM, JDK) with the key of
 * {@code partnerplan.webhooks.secret-key}: a database dump or backup alone cannot forge signatures.
 * They cannot be hashed: signing needs the secret itself. Stored as {@code enc:v1:<base64(iv|ciphertext)>};
 * a value without the prefix is a secret stored before encryption (or without a key) and is read as is,
 * so turning encryption on needs no migration (rotating re-stores the secret encrypted).
 * <p>
 * Production (the prod profile) refuses to start without the key: created at start-up, the cipher
 * fails the start instead of silently storing new secrets unencrypted. Dev and test profiles have
 * their own (public) keys; only a bare unit test runs without one.
 */
@Startup
@ApplicationScoped
public class SecretCipher {

    private static final Logger LOG = Logger.getLogger(SecretCipher.class);
    private static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public SecretCipher(WebhookConfig config) {
        this(config.secretKey(), LaunchMode.current() == LaunchMode.NORMAL);
    }

    public SecretCipher(Optional<String> key) {
        this(key, false);
    }

    /** {@code production}: a missing key is an error, not a warning. */
    public SecretCipher(Optional<String> key, boolean production) {
        this.key = key.filter(k -> !k.isBlank()).map(SecretCipher::aesKey).orElse(null);
        if (this.key == null) {
            if (production) {
                throw new IllegalStateException("partnerplan.webhooks.secret-key (PARTNERPLAN_WEBHOOKS_SECRET_KEY) is not set:"
                        + " production does not store webhook signing secrets unencrypted. Set it to base64 of 32 random bytes"
                        + " (openssl rand -base64 32), from the Secret notification-webhook-key (deploy/README.md)");
            }
            LOG.warn("partnerplan.webhooks.secret-key is not set: webhook signing secrets are stored unencrypted");
        }
    }

    static SecretKey aesKey(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("partnerplan.webhooks.secret-key must be base64", e);
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalStateException("partnerplan.webhooks.secret-key must be 16, 24 or 32 bytes (base64), e.g. openssl rand -base64 32");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** The value to store for {@code secret}. */
    public String seal(String secret) {
        if (key == null) {
            return secret;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a webhook secret", e);
        }
    }

    /** The secret of a stored value. */
    public String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        if (key == null) {
            throw new IllegalStateException("webhook secrets are encrypted but partnerplan.webhooks.secret-key is not set");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt a webhook secret (another secret-key?)", e);
        }
    }
}
