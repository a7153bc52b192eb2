package io.partnerplan.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures, in the style of Stripe: header
 * {@code PartnerPlan-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}, with
 * one {@code v1} per valid secret (two during a rotation's grace period). The key is the secret
 * string as UTF-8 bytes, {@code whsec_} prefix included. Receivers check any one {@code v1} and
 * refuse timestamps older than a few minutes (replays).
 */
public final class Signatures {

    public static final String HEADER = "PartnerPlan-Signature";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String header(long timestamp, String body, List<String> secrets) {
        StringBuilder header = new StringBuilder("t=").append(timestamp);
        for (String secret : secrets) {
            header.append(",v1=").append(hmac(secret, timestamp + "." + body));
        }
        return header.toString();
    }

    public static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
