package io.partnerplan.plan.action;

import java.net.URI;
import java.util.List;
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
import io.partnerplan.platform.idempotency.Idempotent;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.problem.Problem;
import io.quarkus.security.Authenticated;

@Path("/api/v1/plans/{id}/actions")
@Tag(name = "Plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class PlanActionResource {

    private final PlanActions actions;

    public PlanActionResource(PlanActions actions) {
        this.actions = actions;
    }

    @POST
    @Idempotent
    @Operation(summary = "Add an action item: an owner from either side, a due date", description = "Emits action.created; "
            + "once past its due date and still open, action.overdue")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "400", description = "Owner not a member, unknown strategy...",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("id") UUID plan, @NotNull @Valid ActionRequest request) {
        ActionView action = actions.create(plan, request);
        return Response.created(URI.create("/api/v1/plans/" + plan + "/actions/" + action.id()))
                .tag(Versions.etag(action.version())).entity(action).build();
    }

    @GET
    @Operation(summary = "The plan's action items, oldest first",
            description = "Filters combine: status (repeatable or comma-separated: any of them), owner (a member's subject), "
                    + "dueFrom..dueTo (inclusive dates).")
    public Page<ActionView> list(@PathParam("id") UUID plan, @QueryParam("limit") Integer limit,
                                 @QueryParam("cursor") String cursor,
                                 @QueryParam("status") @Parameter(description = "OPEN, IN_PROGRESS, BLOCKED, DONE or CANCELLED")
                                 List<String> status,
                                 @QueryParam("owner") @Parameter(description = "The owner's subject") String owner,
                                 @QueryParam("dueFrom") @Parameter(description = "Due on or after", example = "2027-03-01") String dueFrom,
                                 @QueryParam("dueTo") @Parameter(description = "Due on or before", example = "2027-03-31") String dueTo) {
        return actions.list(plan, ActionFilter.of(status, owner, dueFrom, dueTo), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{actionId}")
    @Operation(summary = "One action item")
    @APIResponse(responseCode = "200", description = "The action item; ETag carries its version",
            content = @Content(schema = @Schema(implementation = ActionView.class)))
    public Response get(@PathParam("id") UUID plan, @PathParam("actionId") UUID actionId) {
        ActionView action = actions.get(plan, actionId);
        return Response.ok(action).tag(Versions.etag(action.version())).build();
    }

    @PUT
    @Path("/{actionId}")
    @Operation(summary = "Change an action item: status, owner, due date (If-Match required)", description = "Emits action.updated")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = ActionView.class)))
    public Response update(@PathParam("id") UUID plan, @PathParam("actionId") UUID actionId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid ActionRequest request) {
        ActionView action = actions.update(plan, actionId, ifMatch, request);
        return Response.ok(action).tag(Versions.etag(action.version())).build();
    }
}
