package io.partnerplan.plan.objective;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

@Path("/api/v1/plans/{id}/objectives")
@Tag(name = "Plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class ObjectiveResource {

    private final Objectives objectives;

    public ObjectiveResource(Objectives objectives) {
        this.objectives = objectives;
    }

    @POST
    @Idempotent
    @Operation(summary = "Add an objective: KPI targets to reach within a period of the horizon",
            description = "While the plan is a draft or proposed; once agreed, through an amendment. Each change is a plan version.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = ObjectiveView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan is agreed: use an amendment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("id") UUID plan, @NotNull @Valid ObjectiveRequest request) {
        ObjectiveView o = objectives.create(plan, request);
        return Response.created(URI.create("/api/v1/plans/" + plan + "/objectives/" + o.id()))
                .tag(Versions.etag(o.version())).entity(o).build();
    }

    @GET
    @Operation(summary = "The plan's objectives, oldest first")
    public Page<ObjectiveView> list(@PathParam("id") UUID plan, @QueryParam("limit") Integer limit,
                                    @QueryParam("cursor") String cursor) {
        return objectives.list(plan, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{objectiveId}")
    @Operation(summary = "One objective; ETag carries its version")
    @APIResponse(responseCode = "200", description = "The objective", content = @Content(schema = @Schema(implementation = ObjectiveView.class)))
    public Response get(@PathParam("id") UUID plan, @PathParam("objectiveId") UUID objective) {
        ObjectiveView o = objectives.get(plan, objective);
        return Response.ok(o).tag(Versions.etag(o.version())).build();
    }

    @PUT
    @Path("/{objectiveId}")
    @Operation(summary = "Change an objective (If-Match required)")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = ObjectiveView.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID plan, @PathParam("objectiveId") UUID objective,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid ObjectiveRequest request) {
        ObjectiveView o = objectives.update(plan, objective, ifMatch, request);
        return Response.ok(o).tag(Versions.etag(o.version())).build();
    }

    @DELETE
    @Path("/{objectiveId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Remove an objective (If-Match required); action items linked to it stay, unlinked")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("id") UUID plan, @PathParam("objectiveId") UUID objective,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        objectives.delete(plan, objective, ifMatch);
        return Response.noContent().build();
    }
}
