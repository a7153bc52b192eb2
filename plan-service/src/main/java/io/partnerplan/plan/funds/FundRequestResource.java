package io.partnerplan.plan.funds;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import io.partnerplan.platform.idempotency.Idempotent;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;

@Path("/api/v1/plans/{id}/fund-requests")
@Tag(name = "Funds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class FundRequestResource {

    private final FundRequests requests;

    public FundRequestResource(FundRequests requests) {
        this.requests = requests;
    }

    @POST
    @Idempotent
    @Operation(summary = "Request funds for an activity of the plan (the partner's owner or contributors)",
            description = "Who asks and for which organisation come from the token. The vendor's part of the cost (totalCost × "
                    + "vendorSharePercent) is what is requested, drawn on a budget line the vendor funds, in its currency. "
                    + "The vendor's approval policy as it stands now decides which levels must approve. Emits fund.requested")
    @APIResponse(responseCode = "201", description = "Requested (PENDING_APPROVAL)",
            content = @Content(schema = @Schema(implementation = FundRequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: dates outside the plan, unknown budget line, strategy or objective...",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the plan's partner, or a viewer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plan, or not one of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan is closed or renewed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@PathParam("id") UUID plan, @NotNull @Valid FundRequestRequest request) {
        FundRequestView r = requests.submit(plan, request);
        return Response.created(URI.create("/api/v1/plans/" + plan + "/fund-requests/" + r.id()))
                .tag(Versions.etag(r.version())).entity(r).build();
    }

    @GET
    @Operation(summary = "The plan's fund requests, oldest first")
    @APIResponse(responseCode = "200", description = "A page of fund requests")
    @APIResponse(responseCode = "400", description = "A status that does not exist, or a bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plan, or not one of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<FundRequestView> list(@PathParam("id") UUID plan, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                      @Parameter(description = "Only requests in this status") @QueryParam("status") String status) {
        return requests.list(plan, status(status), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{fundRequestId}")
    @Operation(summary = "One fund request with its decisions; ETag carries its version")
    @APIResponse(responseCode = "200", description = "The fund request",
            content = @Content(schema = @Schema(implementation = FundRequestView.class)))
    @APIResponse(responseCode = "404", description = "No such plan or request, or not one of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID plan, @PathParam("fundRequestId") UUID id) {
        FundRequestView r = requests.get(plan, id);
        return Response.ok(r).tag(Versions.etag(r.version())).build();
    }

    @POST
    @Path("/{fundRequestId}/decisions")
    @Operation(summary = "Approve (possibly less, with a reason) or reject (with a reason) the level the request waits for (If-Match required)",
            description = "By the vendor's people holding the level's role, each level by another person. The last level needed "
                    + "commits the approved amount on the budget line and sets claimBy. Emits fund.level-approved, fund.approved "
                    + "or fund.rejected")
    @APIResponse(responseCode = "200", description = "Decided", content = @Content(schema = @Schema(implementation = FundRequestView.class)))
    @APIResponse(responseCode = "400", description = "No reason for a rejection or partial approval, an amount above the standing one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the vendor's, not the level's role, or you decided an earlier level",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plan or request, or not one of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not pending, or the budget line has not enough left",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response decide(@PathParam("id") UUID plan, @PathParam("fundRequestId") UUID id,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid FundDecisionRequest decision) {
        FundRequestView r = requests.decide(plan, id, ifMatch, decision);
        return Response.ok(r).tag(Versions.etag(r.version())).build();
    }

    @POST
    @Path("/{fundRequestId}/withdraw")
    @Consumes(MediaType.WILDCARD) // an action, no body
    @Operation(summary = "Take back a pending fund request (the partner's owner or contributors, If-Match required)",
            description = "Emits fund.withdrawn")
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(schema = @Schema(implementation = FundRequestView.class)))
    @APIResponse(responseCode = "403", description = "Not the plan's partner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plan or request, or not one of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already decided",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response withdraw(@PathParam("id") UUID plan, @PathParam("fundRequestId") UUID id,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        FundRequestView r = requests.withdraw(plan, id, ifMatch);
        return Response.ok(r).tag(Versions.etag(r.version())).build();
    }

    private static FundRequestStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return FundRequestStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "must be one of " + java.util.Arrays.toString(FundRequestStatus.values()));
        }
    }
}
