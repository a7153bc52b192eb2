package io.partnerplan.plan.milestone;

import java.net.URI;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.idempotency.Idempotent;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.problem.Problem;
import io.quarkus.security.Authenticated;

@Path("/api/v1/plans/{id}/milestones")
@Tag(name = "Plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class MilestoneResource {

    private final Milestones milestones;

    public MilestoneResource(Milestones milestones) {
        this.milestones = milestones;
    }

    @POST
    @Idempotent
    @Operation(summary = "Add a milestone with its completion criteria", description = "KPI criteria are judged by "
            + "kpi-service as measurements arrive and periods close; checklists are ticked here. Emits milestone.created, "
            + "then milestone.at-risk, .on-track, .achieved or .missed as its status changes.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = MilestoneView.class)))
    @APIResponse(responseCode = "400", description = "A KPI criterion without threshold, a window outside the horizon...",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("id") UUID plan, @NotNull @Valid MilestoneRequest request) {
        MilestoneView m = milestones.create(plan, request);
        return Response.created(URI.create("/api/v1/plans/" + plan + "/milestones/" + m.id()))
                .tag(Versions.etag(m.version())).entity(m).build();
    }

    @GET
    @Operation(summary = "The plan's milestones")
    public Page<MilestoneView> list(@PathParam("id") UUID plan, @QueryParam("limit") Integer limit,
                                    @QueryParam("cursor") String cursor) {
        return milestones.list(plan, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{milestoneId}")
    @Operation(summary = "One milestone, with its ETag")
    @APIResponse(responseCode = "200", description = "The milestone; ETag carries its version",
            content = @Content(schema = @Schema(implementation = MilestoneView.class)))
    public Response get(@PathParam("id") UUID plan, @PathParam("milestoneId") UUID milestoneId) {
        MilestoneView m = milestones.get(plan, milestoneId);
        return Response.ok(m).tag(Versions.etag(m.version())).build();
    }

    @PUT
    @Path("/{milestoneId}")
    @Operation(summary = "Change a milestone or tick its checklist (If-Match required)", description = "Keep each "
            + "criterion's id to keep its judged state; a decided (achieved or missed) milestone answers 409.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = MilestoneView.class)))
    @APIResponse(responseCode = "409", description = "Already decided",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID plan, @PathParam("milestoneId") UUID milestoneId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid MilestoneRequest request) {
        MilestoneView m = milestones.update(plan, milestoneId, ifMatch, request);
        return Response.ok(m).tag(Versions.etag(m.version())).build();
    }
}
