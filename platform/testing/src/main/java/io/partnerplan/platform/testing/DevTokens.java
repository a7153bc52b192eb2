package io.partnerplan.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;

/** Mints tokens signed with the dev key, the same claims {@code scripts/token} puts in. */
public final class DevTokens {

    public static final String ISSUER = "https://partnerplan.dev/issuer";
    private static final PrivateKey KEY = load();

    private DevTokens() {
    }

    public static String token(String tenant, UUID organisation, String... roles) {
        String subject = (roles.length == 0 ? "user" : roles[0]) + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        return tokenFor(tenant, organisation, subject, roles);
    }

    /** As {@code scripts/token}: the {@code email} claim is the subject when that is an address. */
    public static String tokenFor(String tenant, UUID organisation, String subject, String... roles) {
        return tokenWith(tenant, organisation, subject, subject.contains("@") ? java.util.Map.of("email", subject) : java.util.Map.of(),
                roles);
    }

    /**
     * An integration client's client-credentials token: role {@code integration}, client id in {@code azp}
     * (where services take a measurement's source from) and a service-account subject, as Keycloak issues them.
     */
    public static String integration(String tenant, UUID organisation, String clientId) {
        return tokenWith(tenant, organisation, "service-account-" + clientId, java.util.Map.of("azp", clientId), "integration");
    }

    /** With person claims of its own ({@code name}, {@code email}, {@code locale}, {@code zoneinfo}, ...). */
    public static String tokenWith(String tenant, UUID organisation, String subject, java.util.Map<String, ?> claims,
                                   String... roles) {
        var builder = Jwt.issuer(ISSUER).audience("partnerplan").subject(subject).upn(subject)
                .groups(Set.of(roles)).claim("tenant", tenant).expiresIn(3600);
        if (organisation != null) {
            builder.claim("org", organisation.toString());
        }
        claims.forEach(builder::claim);
        return builder.jws().keyId("dev").sign(KEY);
    }

    /**
     * A token signed with the dev key carrying exactly these claims (plus iss, aud, iat and exp
     * unless given): for tests of what a verified token with odd claims gets.
     */
    public static String withClaims(java.util.Map<String, Object> claims) {
        java.util.Map<String, Object> all = new java.util.HashMap<>();
        all.put("iss", ISSUER);
        all.put("aud", "partnerplan");
        long now = java.time.Instant.now().getEpochSecond();
        all.put("iat", now);
        all.put("exp", now + 3600);
        all.putAll(claims);
        return Jwt.claims(all).jws().keyId("dev").sign(KEY);
    }

    /** A token signed by a key nobody trusts: must be refused with 401. */
    public static String forgedToken(String tenant, UUID organisation, String... roles) {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer(ISSUER).audience("partnerplan").subject("mallory").groups(Set.of(roles))
                    .claim("tenant", tenant).claim("org", organisation.toString())
                    .jws().sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey load() {
        try (InputStream in = DevTokens.class.getResourceAsStream("/devkeys/private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the dev signing key", e);
        }
    }
}
