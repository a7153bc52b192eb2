package io.partnerplan.plan.budget;

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

@Path("/api/v1/plans/{id}/budgets")
@Tag(name = "Plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class BudgetResource {

    private final Budgets budgets;

    public BudgetResource(Budgets budgets) {
        this.budgets = budgets;
    }

    @POST
    @Idempotent
    @Operation(summary = "Add a budget: funding party, resource type, MDF or co-investment, planned/committed/spent in a currency",
            description = "While the plan is a draft or proposed; once agreed, through an amendment. Each change is a plan version.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = BudgetView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan is agreed: use an amendment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("id") UUID plan, @NotNull @Valid BudgetRequest request) {
        BudgetView o = budgets.create(plan, request);
        return Response.created(URI.create("/api/v1/plans/" + plan + "/budgets/" + o.id()))
                .tag(Versions.etag(o.version())).entity(o).build();
    }

    @GET
    @Operation(summary = "The plan's budgets, oldest first")
    public Page<BudgetView> list(@PathParam("id") UUID plan, @QueryParam("limit") Integer limit,
                                    @QueryParam("cursor") String cursor) {
        return budgets.list(plan, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{budgetId}")
    @Operation(summary = "One budget; ETag carries its version")
    @APIResponse(responseCode = "200", description = "The budget", content = @Content(schema = @Schema(implementation = BudgetView.class)))
    public Response get(@PathParam("id") UUID plan, @PathParam("budgetId") UUID budget) {
        BudgetView o = budgets.get(plan, budget);
        return Response.ok(o).tag(Versions.etag(o.version())).build();
    }

    @PUT
    @Path("/{budgetId}")
    @Operation(summary = "Change a budget (If-Match required)", description = "On an agreed plan only committed and spent change directly (409 otherwise: use an amendment)")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = BudgetView.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID plan, @PathParam("budgetId") UUID budget,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid BudgetRequest request) {
        BudgetView o = budgets.update(plan, budget, ifMatch, request);
        return Response.ok(o).tag(Versions.etag(o.version())).build();
    }

    @DELETE
    @Path("/{budgetId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Remove a budget of a draft or proposed plan (If-Match required)")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("id") UUID plan, @PathParam("budgetId") UUID budget,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        budgets.delete(plan, budget, ifMatch);
        return Response.noContent().build();
    }
}
