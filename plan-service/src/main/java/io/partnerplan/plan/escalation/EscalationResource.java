package io.partnerplan.plan.escalation;

import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;

@Path("/api/v1/plans/{id}")
@Tag(name = "Escalations", description = "Overdue actions and missed milestones raised level by level until resolved")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class EscalationResource {

    private final Escalations escalations;

    public EscalationResource(Escalations escalations) {
        this.escalations = escalations;
    }

    @GET
    @Path("/escalation-policy")
    @Operation(summary = "The plan's escalation ladder", description = "Without one of its own, the default: the vendor manager "
            + "and partner owner have P2D to acknowledge, then the executive sponsors P3D (ETag 0)")
    @APIResponse(responseCode = "200", description = "The policy; ETag carries its version",
            content = @Content(schema = @Schema(implementation = EscalationPolicyView.class)))
    @APIResponse(responseCode = "404", description = "No such plan, or not one of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response policy(@PathParam("id") UUID plan) {
        EscalationPolicyView policy = escalations.policy(plan);
        return Response.ok(policy).tag(Versions.etag(policy.version())).build();
    }

    @PUT
    @Path("/escalation-policy")
    @Operation(summary = "Set the plan's escalation ladder (vendor manager or partner owner, If-Match required)",
            description = "Levels: name, plan roles and/or member subjects, time to acknowledge (ISO-8601 duration). "
                    + "Escalations already raised keep the ladder they were raised with.")
    @APIResponse(responseCode = "200", description = "Set; ETag carries the new version",
            content = @Content(schema = @Schema(implementation = EscalationPolicyView.class)))
    @APIResponse(responseCode = "400", description = "No levels, a level reaching nobody, a subject not a member, a bad duration",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replacePolicy(@PathParam("id") UUID plan, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  @NotNull @Valid EscalationPolicyRequest request) {
        EscalationPolicyView policy = escalations.replacePolicy(plan, ifMatch, request);
        return Response.ok(policy).tag(Versions.etag(policy.version())).build();
    }

    @GET
    @Path("/escalations")
    @Operation(summary = "The plan's escalations, oldest first")
    @APIResponse(responseCode = "200", description = "A page of escalations")
    @APIResponse(responseCode = "400", description = "Unknown status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<EscalationView> list(@PathParam("id") UUID plan,
                                     @Parameter(description = "RAISED, ACKNOWLEDGED or RESOLVED") @QueryParam("status") String status,
                                     @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return escalations.list(plan, status(status), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/escalations/{escalationId}")
    @Operation(summary = "One escalation")
    @APIResponse(responseCode = "200", description = "The escalation; ETag carries its version",
            content = @Content(schema = @Schema(implementation = EscalationView.class)))
    @APIResponse(responseCode = "404", description = "No such escalation, or not one of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID plan, @PathParam("escalationId") UUID escalationId) {
        return withETag(escalations.get(plan, escalationId));
    }

    @POST
    @Path("/escalations/{escalationId}/acknowledge")
    @Consumes(MediaType.WILDCARD) // an action, no body
    @Operation(summary = "Take the escalation on: it stops climbing (If-Match required)",
            description = "A member of its current level or the vendor's manager; emits escalation.acknowledged")
    @APIResponse(responseCode = "200", description = "Acknowledged", content = @Content(schema = @Schema(implementation = EscalationView.class)))
    @APIResponse(responseCode = "403", description = "Not of the current level nor the vendor's manager",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already resolved",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response acknowledge(@PathParam("id") UUID plan, @PathParam("escalationId") UUID escalationId,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(escalations.acknowledge(plan, escalationId, ifMatch));
    }

    @POST
    @Path("/escalations/{escalationId}/resolve")
    @Operation(summary = "Resolve with a rectification plan (If-Match required)",
            description = "A summary and new action items, created with the resolution (action.created each); "
                    + "emits escalation.resolved")
    @APIResponse(responseCode = "200", description = "Resolved", content = @Content(schema = @Schema(implementation = EscalationView.class)))
    @APIResponse(responseCode = "400", description = "No rectification plan, an action owner not a member...",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already resolved",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response resolve(@PathParam("id") UUID plan, @PathParam("escalationId") UUID escalationId,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid ResolveRequest request) {
        return withETag(escalations.resolve(plan, escalationId, ifMatch, request));
    }

    private static EscalationStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return EscalationStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "must be one of RAISED, ACKNOWLEDGED, RESOLVED");
        }
    }

    private static Response withETag(Escalations.Versioned e) {
        return Response.ok(e.view()).tag(Versions.etag(e.version())).build();
    }
}
