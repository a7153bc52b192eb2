package io.partnerplan.platform.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.partnerplan.platform.problem.ProblemException;

/**
 * Reads the {@code Idempotency-Key} of an {@link Idempotent} POST and hashes what the request asks
 * (method, path, body); {@link IdempotencyInterceptor} does the rest inside the request's transaction.
 */
public class IdempotencyFilters {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    @Inject
    IdempotentRequest idempotent;

    @Idempotent
    @ServerRequestFilter
    public void read(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(Idempotent.HEADER);
        if (key == null) {
            return;
        }
        if (key.isBlank() || key.length() > 200) {
            throw ProblemException.badRequest(Idempotent.HEADER, "must be 1 to 200 characters");
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        idempotent.set(key, hash(request.getMethod() + " " + request.getUriInfo().getPath() + "\n", body));
    }

    private static String hash(String prefix, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(prefix.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
