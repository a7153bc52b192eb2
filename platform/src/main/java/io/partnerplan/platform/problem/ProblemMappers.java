package io.partnerplan.platform.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.partnerplan.platform.persistence.DatabaseUnavailable;
import io.partnerplan.platform.requestid.RequestIds;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The single place where exceptions become RFC 9457 answers. Every mapper answers
 * {@code application/problem+json}; the catch-all logs the exception with the trace id and never
 * lets a stack trace reach the client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Long enough for a PostgreSQL restart or fail-over to finish, short enough not to lose users. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return answer(e.status(), e.slug(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response endpointValidation(ResteasyReactiveViolationException e, UriInfo uri) {
        boolean ourFault = e.getConstraintViolations().stream().anyMatch(v -> {
            for (Path.Node node : v.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
            return false;
        });
        if (ourFault) {
            return unexpected(e, uri);
        }
        return violations(e, uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        return violations(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        String field = fieldPath(e);
        return answer(400, "validation", "Request is not valid",
                field + ": unknown property (allowed: " + e.getKnownPropertyIds().stream().map(String::valueOf)
                        .sorted().collect(Collectors.joining(", ")) + ")",
                uri, List.of(new Problem.FieldError(field, "unknown property")));
    }

    @ServerExceptionMapper(priority = 1)
    public Response ruleBroken(FieldRuleBroken e, UriInfo uri) {
        String field = fieldPath(e);
        if (field.isEmpty()) {
            field = "body";
        }
        return answer(400, "validation", "Request is not valid", field + ": " + e.rule(), uri,
                List.of(new Problem.FieldError(field, e.rule())));
    }

    @ServerExceptionMapper(priority = 1)
    public Response wrongType(InvalidFormatException e, UriInfo uri) {
        String field = fieldPath(e);
        String message = "must be a valid " + typeName(e.getTargetType());
        return answer(400, "validation", "Request is not valid", field + ": " + message, uri,
                List.of(new Problem.FieldError(field, message)));
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = fieldPath(e);
        if (field.isEmpty()) {
            return answer(400, "malformed-json", "Malformed JSON", "The request body is not the expected JSON object", uri, List.of());
        }
        String message = "must be " + typeName(e.getTargetType());
        return answer(400, "validation", "Request is not valid", field + ": " + message, uri,
                List.of(new Problem.FieldError(field, message)));
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformed(JsonParseException e, UriInfo uri) {
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return answer(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON" + where, uri, List.of());
    }

    @ServerExceptionMapper(priority = 2)
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? fieldPath(m) : "";
        String detail = field.isEmpty() ? "The request body could not be read" : field + ": could not be read";
        return answer(400, "malformed-json", "Malformed JSON", detail, uri,
                field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, "could not be read")));
    }

    private Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof FieldRuleBroken r) {
            return ruleBroken(r, uri);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return unknownProperty(u, uri);
        }
        if (e instanceof InvalidFormatException i) {
            return wrongType(i, uri);
        }
        if (e instanceof MismatchedInputException m) {
            return mismatchedInput(m, uri);
        }
        if (e instanceof JsonParseException p) {
            return malformed(p, uri);
        }
        return otherJson(e, uri);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return concurrentEdit(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return concurrentEdit(uri);
    }

    /** A unique key hit by a concurrent request that passed our own existence check. */
    @ServerExceptionMapper
    public Response duplicate(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        if (e.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
            return answer(409, "conflict", "Conflict with the current state",
                    "A resource with the same identifying values already exists", uri, List.of());
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidTokenClaim claim) {
                return unauthorized(uri, claim.getMessage(), "Bearer error=\"invalid_token\"");
            }
        }
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return answer(403, "forbidden", "Forbidden", "Your roles do not allow this operation", uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        // The JSON reader wraps Jackson's exception in a bare 400: answer as for the exception itself.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return json(json, uri);
            }
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = original.getStatusInfo();
        String slug = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        String detail = switch (status) {
            case 404 -> "No resource at " + uri.getPath();
            case 405 -> "This method is not allowed on " + uri.getPath()
                    + allowed(original);
            case 415 -> "Send the body in a media type this operation takes (see docs/openapi.yaml)";
            // Never the exception's own message: it names Java classes and framework internals.
            case 400 -> "A parameter has a value of the wrong type or format";
            default -> type.getReasonPhrase();
        };
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(problem(status, slug, type.getReasonPhrase(), detail, uri, List.of()));
        if (original.getHeaderString("Allow") != null) {
            builder.header("Allow", original.getHeaderString("Allow"));
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseUnavailable.causes(e)) {
            return databaseUnavailable(e, uri);
        }
        LOG.errorf(e, "Unexpected failure [requestId=%s] on %s", RequestIds.current(), uri.getPath());
        return answer(500, "internal", "Internal error",
                "Something went wrong on our side; quote the trace id when reporting it", uri, List.of());
    }

    /**
     * The database is restarting, unreachable or the pool is exhausted: not the caller's fault and
     * not a bug, so 503 with the seconds after which a retry is worth it, never a 500.
     */
    private static Response databaseUnavailable(Throwable e, UriInfo uri) {
        LOG.warnf("Database unavailable [requestId=%s] on %s: %s", RequestIds.current(), uri.getPath(), rootMessage(e));
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(problem(503, "service-unavailable", "Service unavailable",
                        "The database is not reachable at the moment; retry after " + RETRY_AFTER_SECONDS + " seconds",
                        uri, List.of()))
                .build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String allowed(Response original) {
        String allow = original.getHeaderString("Allow");
        return allow == null ? "" : " (allowed: " + allow + ")";
    }

    private static Response concurrentEdit(UriInfo uri) {
        return answer(409, "concurrent-modification", "Concurrent modification",
                "Someone else changed this resource at the same time; reload it and apply your change again", uri, List.of());
    }

    private static Response unauthorized(UriInfo uri) {
        return unauthorized(uri, "A valid bearer token is required", "Bearer");
    }

    private static Response unauthorized(UriInfo uri, String detail, String challenge) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", challenge)
                .entity(problem(401, "unauthorized", "Unauthorized", detail, uri, List.of()))
                .build();
    }

    private static Response violations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return answer(400, "validation", "Request is not valid", detail, uri, errors);
    }

    /** Drops the method and parameter nodes a bean-validation path starts with, keeps bean paths and indexes. */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.RETURN_VALUE || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            // A node inside a list or map carries the index or key of its element in the container before it.
            if (node.isInIterable()) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (at != null) {
                    field.append('[').append(at).append(']');
                }
            }
            // Container elements ("<list element>") are already addressed by the index above.
            if (node.getName() == null || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        if (field.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return field.toString();
    }

    static String fieldPath(JsonMappingException e) {
        return JsonErrors.fieldPath(e);
    }

    private static String typeName(Class<?> type) {
        return JsonErrors.typeName(type);
    }

    static Response answer(int status, String slug, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(problem(status, slug, title, detail, uri, errors)).build();
    }

    static Problem problem(int status, String slug, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        return new Problem(URI.create(Problem.TYPE_BASE + slug), title, status, detail,
                uri == null ? null : URI.create(uri.getRequestUri().getRawPath()), RequestIds.current(),
                errors.isEmpty() ? null : errors);
    }
}
