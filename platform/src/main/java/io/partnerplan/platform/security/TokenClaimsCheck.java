package io.partnerplan.platform.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.partnerplan.platform.problem.InvalidTokenClaim;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Checks a verified token's claims as part of authentication ({@link TokenClaims}): a token with a
 * claim of the wrong type, without {@code sub} or with a control character is refused like an expired
 * one (401), before any endpoint sees it.
 */
@ApplicationScoped
public class TokenClaimsCheck implements SecurityIdentityAugmentor {

    /** Where the checked claims wait for {@link Caller}. */
    public static final String ATTRIBUTE = TokenClaims.class.getName();

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        TokenClaims claims;
        try {
            claims = TokenClaims.of(token.getRawToken());
        } catch (InvalidTokenClaim e) {
            return Uni.createFrom().failure(new AuthenticationFailedException(e.getMessage(), e));
        }
        // The roles smallrye-jwt found are the checked groups array (a string groups claim never gets here).
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addAttribute(ATTRIBUTE, claims).build());
    }
}
