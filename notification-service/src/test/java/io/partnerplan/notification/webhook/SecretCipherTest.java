package io.partnerplan.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void aSealedSecretOpensWithTheSameKeyOnly() {
        SecretCipher cipher = new SecretCipher(Optional.of(KEY));
        String sealed = cipher.seal("whsec_abc");
        assertTrue(sealed.startsWith("enc:v1:"), sealed);
        assertNotEquals(sealed, cipher.seal("whsec_abc"), "a fresh IV each time");
        assertEquals("whsec_abc", cipher.open(sealed));
        byte[] other = new byte[32];
        other[0] = 1;
        SecretCipher wrongKey = new SecretCipher(Optional.of(Base64.getEncoder().encodeToString(other)));
        assertThrows(IllegalStateException.class, () -> wrongKey.open(sealed));
        assertThrows(IllegalStateException.class, () -> new SecretCipher(Optional.empty()).open(sealed));
    }

    @Test
    void secretsStoredBeforeEncryptionStillReadAndNoKeyStoresPlainly() {
        assertEquals("whsec_legacy", new SecretCipher(Optional.of(KEY)).open("whsec_legacy"));
        assertEquals("whsec_x", new SecretCipher(Optional.empty()).seal("whsec_x"));
        assertThrows(IllegalStateException.class, () -> new SecretCipher(Optional.of("c2hvcnQ=")));
    }

    @Test
    void productionRefusesToRunWithoutAKey() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new SecretCipher(Optional.empty(), true));
        assertTrue(refused.getMessage().contains("PARTNERPLAN_WEBHOOKS_SECRET_KEY"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> new SecretCipher(Optional.of("  "), true));
        assertEquals("whsec_y", new SecretCipher(Optional.of(KEY), true).open(new SecretCipher(Optional.of(KEY), true).seal("whsec_y")));
    }
}
