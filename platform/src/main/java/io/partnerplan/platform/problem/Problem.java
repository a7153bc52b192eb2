package io.partnerplan.platform.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, the body of every error answer of every service.
 * {@code errors} names each offending field for validation problems; {@code traceId} lets support
 * find the request in the logs without the client ever seeing a stack trace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail")
public record Problem(
        @Schema(example = "https://partnerplan.io/problems/validation", format = "uri",
                description = "The problem type to switch on; its page is served by the gateway at /problems/<slug> (docs/problems)") URI type,
        @Schema(example = "Request is not valid") String title,
        @Schema(example = "400") int status,
        @Schema(example = "name: must not be blank") String detail,
        @Schema(example = "/api/v1/plans", format = "uri-reference") URI instance,
        @Schema(example = "5f0c3c1e9a7b4e21") String traceId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://partnerplan.io/problems/";

    /** One field that broke one rule. {@code field} is a JSON path such as {@code budgets[0].amount}. */
    @Schema(name = "FieldError")
    public record FieldError(@Schema(example = "name") String field,
                             @Schema(example = "must not be blank") String message) {
    }
}
