package io.partnerplan.platform.concurrency;

import jakarta.ws.rs.core.EntityTag;

import io.partnerplan.platform.problem.ProblemException;

/**
 * ETag / If-Match for optimistic concurrency: the ETag is the row's version, updates must name the
 * version they were based on. A race between the check and the commit is still caught by the
 * entity's {@code @Version} column and answered 409.
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Whether a conditional read's If-None-Match names the current ETag (or *): the client's copy is
     * current and the answer is 304 without a body. Weak and strong forms compare alike (RFC 9110 13.1.2).
     */
    public static boolean notModified(String ifNoneMatch, EntityTag current) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals("\"" + current.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }

    /** @throws ProblemException 428 when If-Match is missing, 412 when it names another version */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "Send If-Match with the ETag you last read, so concurrent edits are not lost");
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("\"" + currentVersion + "\"")) {
                return;
            }
        }
        throw new ProblemException(412, "precondition-failed", "Precondition failed",
                "The resource changed since you read it (current ETag \"" + currentVersion + "\"); reload and retry");
    }
}
