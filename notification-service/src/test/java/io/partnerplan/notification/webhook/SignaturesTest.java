package io.partnerplan.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SignaturesTest {

    @Test
    void signsTimestampDotBodyWithHmacSha256InHex() {
        // Reference value computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
        assertEquals("t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789",
                Signatures.header(1700000000L, "{\"a\":1}", List.of("whsec_test")));
    }

    @Test
    void oneSignaturePerValidSecretDuringARotation() {
        String header = Signatures.header(1700000000L, "{}", List.of("whsec_new", "whsec_old"));
        String[] parts = header.split(",");
        assertEquals(3, parts.length);
        assertEquals("v1=" + Signatures.hmac("whsec_new", "1700000000.{}"), parts[1]);
        assertEquals("v1=" + Signatures.hmac("whsec_old", "1700000000.{}"), parts[2]);
    }

    @Test
    void secretsAreRandomAndRecognisable() {
        String a = Signatures.newSecret();
        assertTrue(a.startsWith("whsec_") && a.length() >= 40, a);
        assertNotEquals(a, Signatures.newSecret());
    }
}
