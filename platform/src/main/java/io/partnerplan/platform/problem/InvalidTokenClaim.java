package io.partnerplan.platform.problem;

/**
 * A verified token whose claims break a rule of {@code TokenClaims}: authentication fails with it as
 * the cause, answered 401 naming the claim.
 */
public class InvalidTokenClaim extends RuntimeException {

    private final String claim;

    public InvalidTokenClaim(String claim, String rule) {
        super("The token's claim " + claim + " " + rule, null, false, false);
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }
}
