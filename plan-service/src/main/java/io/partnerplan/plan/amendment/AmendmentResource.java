package io.partnerplan.plan.amendment;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.idempotency.Idempotent;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.problem.Problem;
import io.quarkus.security.Authenticated;

@Path("/api/v1/plans/{id}/amendments")
@Tag(name = "Plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class AmendmentResource {

    private final Amendments amendments;

    public AmendmentResource(Amendments amendments) {
        this.amendments = amendments;
    }

    @POST
    @Idempotent
    @Operation(summary = "Propose a change to an agreed, active or in-review plan (members of either side)",
            description = "Sections, objectives and budgets, each part replacing that part of the plan. One open amendment per "
                    + "plan at a time (409 while another is open). Emits plan.amendment-proposed.")
    @APIResponse(responseCode = "201", description = "Proposed; ETag carries the amendment's version",
            content = @Content(schema = @Schema(implementation = AmendmentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid change, named by field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not amendable (draft: edit directly), or another amendment is open",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response propose(@PathParam("id") UUID plan, @NotNull @Valid AmendmentRequest request) {
        AmendmentView a = amendments.propose(plan, request);
        return Response.created(URI.create("/api/v1/plans/" + plan + "/amendments/" + a.amendmentId()))
                .tag(Versions.etag(amendments.version(plan, a.amendmentId()))).entity(a).build();
    }

    @GET
    @Operation(summary = "The plan's amendments, oldest first")
    public Page<AmendmentView> list(@PathParam("id") UUID plan, @QueryParam("limit") Integer limit,
                                    @QueryParam("cursor") String cursor) {
        return amendments.list(plan, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{amendmentId}")
    @Operation(summary = "One amendment; ETag carries its version")
    @APIResponse(responseCode = "200", description = "The amendment", content = @Content(schema = @Schema(implementation = AmendmentView.class)))
    public Response get(@PathParam("id") UUID plan, @PathParam("amendmentId") UUID amendment) {
        AmendmentView a = amendments.get(plan, amendment);
        return Response.ok(a).tag(Versions.etag(amendments.version(plan, amendment))).build();
    }

    @POST
    @Path("/{amendmentId}/accept")
    @Consumes(MediaType.WILDCARD) // an action, no body
    @Operation(summary = "Accept the other side's amendment (If-Match: the amendment's ETag)",
            description = "By a member allowed to sign for the other side. Applies the change in one transaction as a new plan "
                    + "version (see toVersion and the versions diff) and emits plan.amended.")
    @APIResponse(responseCode = "200", description = "Accepted and applied", content = @Content(schema = @Schema(implementation = AmendmentView.class)))
    @APIResponse(responseCode = "403", description = "Your side proposed it, or your role cannot sign for your side",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The amendment changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response accept(@PathParam("id") UUID plan, @PathParam("amendmentId") UUID amendment,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        AmendmentView a = amendments.accept(plan, amendment, ifMatch);
        return Response.ok(a).tag(Versions.etag(amendments.version(plan, amendment))).build();
    }

    @POST
    @Path("/{amendmentId}/reject")
    @Operation(summary = "Reject the other side's amendment with a reason (If-Match: the amendment's ETag)",
            description = "By a member allowed to sign for the other side. Emits plan.amendment-rejected.")
    @APIResponse(responseCode = "200", description = "Rejected", content = @Content(schema = @Schema(implementation = AmendmentView.class)))
    public Response reject(@PathParam("id") UUID plan, @PathParam("amendmentId") UUID amendment,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid AmendmentRequest.Rejection rejection) {
        AmendmentView a = amendments.reject(plan, amendment, ifMatch, rejection.reason());
        return Response.ok(a).tag(Versions.etag(amendments.version(plan, amendment))).build();
    }

    @POST
    @Path("/{amendmentId}/withdraw")
    @Operation(summary = "Withdraw your side's open amendment with a reason (If-Match: the amendment's ETag)",
            description = "By a member of the proposing side who may propose amendments. Closing or renewing the plan withdraws "
                    + "its open amendment too. Emits plan.amendment-withdrawn.")
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(schema = @Schema(implementation = AmendmentView.class)))
    @APIResponse(responseCode = "403", description = "The other side proposed it, or you are a viewer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already accepted, rejected or withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The amendment changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response withdraw(@PathParam("id") UUID plan, @PathParam("amendmentId") UUID amendment,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid AmendmentRequest.Withdrawal withdrawal) {
        AmendmentView a = amendments.withdraw(plan, amendment, ifMatch, withdrawal.reason());
        return Response.ok(a).tag(Versions.etag(amendments.version(plan, amendment))).build();
    }
}
