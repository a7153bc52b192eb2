package io.partnerplan.platform.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;

/** Applies {@link Idempotent} around the resource method. */
public class IdempotencyFilters {

    private static final String CLAIMED = IdempotencyFilters.class.getName() + ".claimed";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    @Inject
    IdempotencyStore store;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;

    @Idempotent
    @ServerRequestFilter
    public Response claim(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(Idempotent.HEADER);
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 200) {
            throw ProblemException.badRequest(Idempotent.HEADER, "must be 1 to 200 characters");
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String hash = hash(request.getMethod() + " " + request.getUriInfo().getPath() + "\n", body);
        IdempotencyStore.Claim claim = store.claim(caller.requireTenant(), caller.subject(), key, hash);
        return switch (claim) {
            case IdempotencyStore.Fresh fresh -> {
                request.setProperty(CLAIMED, key);
                yield null;
            }
            case IdempotencyStore.Replay replay -> {
                IdempotencyRecord first = replay.first();
                Response.ResponseBuilder answer = Response.status(first.status).header(REPLAYED_HEADER, "true");
                if (first.responseBody != null) {
                    answer.entity(first.responseBody).type(first.responseType);
                }
                if (first.location != null) {
                    answer.header(HttpHeaders.LOCATION, first.location);
                }
                if (first.etag != null) {
                    answer.header(HttpHeaders.ETAG, first.etag);
                }
                yield answer.build();
            }
            case IdempotencyStore.Refused refused ->
                    throw new ProblemException(refused.status(), refused.slug(), refused.title(), refused.detail());
        };
    }

    @Idempotent
    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        Object key = request.getProperty(CLAIMED);
        if (key == null) {
            return;
        }
        String tenant = caller.requireTenant();
        if (response.getStatus() >= 500) {
            store.release(tenant, caller.subject(), key.toString());
            return;
        }
        Object entity = response.getEntity();
        String body = entity == null ? null : entity instanceof String s ? s : json.writeValueAsString(entity);
        String type = response.getMediaType() == null ? null : response.getMediaType().toString();
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        String etag = response.getHeaderString(HttpHeaders.ETAG);
        store.complete(tenant, caller.subject(), key.toString(), response.getStatus(), body, type, location, etag);
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
