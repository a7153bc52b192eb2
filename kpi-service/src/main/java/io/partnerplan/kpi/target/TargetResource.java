package io.partnerplan.kpi.target;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.kpi.period.PlanPeriod;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/api/v1/targets/{planId}")
@Tag(name = "Targets", description = "What each KPI of a plan should reach, period by period, and the RAG thresholds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class TargetResource {

    private final Targets targets;

    public TargetResource(Targets targets) {
        this.targets = targets;
    }

    @GET
    @Operation(summary = "Every KPI's targets for the plan")
    public List<TargetSetView> ofPlan(@PathParam("planId") UUID planId) {
        return targets.ofPlan(planId);
    }

    @GET
    @Path("/periods")
    @Operation(summary = "The periods the plan is measured in", description = "The agreed MOP's periods within the plan's "
            + "horizon; before an MOP is agreed, three-month quarters from the horizon's start. Targets name these periods.")
    public List<PlanPeriod> periods(@PathParam("planId") UUID planId) {
        return targets.periodsOf(planId);
    }

    @GET
    @Path("/{kpi}")
    @Operation(summary = "One KPI's targets for the plan, with its ETag")
    @APIResponse(responseCode = "200", description = "The KPI's targets; ETag carries their version",
            content = @Content(schema = @Schema(implementation = TargetSetView.class)))
    public Response get(@PathParam("planId") UUID planId, @PathParam("kpi") String kpi) {
        TargetSetView set = targets.get(planId, kpi);
        return Response.ok(set).tag(Versions.etag(set.version())).build();
    }

    @PUT
    @Path("/{kpi}")
    @RolesAllowed({ Roles.VENDOR_MANAGER, Roles.PARTNER_OWNER })
    @Operation(summary = "Set one KPI's targets for a plan being drafted", description = "Replaces the whole set. Creating "
            + "needs no If-Match; replacing an existing set needs the ETag last read (412 when it changed since, 428 without). "
            + "Every period must be one of the plan's periods. Emits kpi.targets.set. Once both sides signed the plan (agreed, "
            + "active, in review) its targets are its objectives' per-period targets: this answers 409 (agreed-content) naming "
            + "the amendment to propose, and an accepted amendment sets them (an objective over another span than one period "
            + "is split onto the periods it reaches: sums by days, levels as they are). A renewed or closed plan's targets are final (409).",
            extensions = @Extension(name = "x-agreed-plan", value = "agreed"))
    @APIResponse(responseCode = "200", description = "The targets as stored",
            content = @Content(schema = @Schema(implementation = TargetSetView.class)))
    @APIResponse(responseCode = "400", description = "A period that is not one of the plan's, amber above green...",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan is agreed (change its objectives by amendment), renewed or closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plan or KPI, or not one of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response set(@PathParam("planId") UUID planId, @PathParam("kpi") String kpi,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid TargetSetRequest request) {
        TargetSetView set = targets.set(planId, kpi, ifMatch, request);
        return Response.ok(set).tag(Versions.etag(set.version())).build();
    }
}
