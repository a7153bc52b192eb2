package io.partnerplan.plan.investment;

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
import io.partnerplan.platform.problem.Problem;
import io.quarkus.security.Authenticated;

@Path("/api/v1/plans/{id}/investments")
@Tag(name = "Plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class InvestmentResource {

    private final Investments investments;

    public InvestmentResource(Investments investments) {
        this.investments = investments;
    }

    @POST
    @Idempotent
    @Operation(summary = "Commit a future investment, released when a milestone is achieved",
            description = "Emits investment.created; investment.unlocked when the milestone is achieved")
    @APIResponse(responseCode = "201", description = "Committed (LOCKED)",
            content = @Content(schema = @Schema(implementation = InvestmentView.class)))
    @APIResponse(responseCode = "400", description = "Not a milestone of this plan, bad amount or currency...",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("id") UUID plan, @NotNull @Valid InvestmentRequest request) {
        InvestmentView i = investments.create(plan, request);
        return Response.created(URI.create("/api/v1/plans/" + plan + "/investments/" + i.id()))
                .tag(Versions.etag(i.version())).entity(i).build();
    }

    @GET
    @Operation(summary = "The plan's investments and whether each is unlocked")
    public List<InvestmentView> list(@PathParam("id") UUID plan) {
        return investments.ofPlan(plan);
    }

    @PUT
    @Path("/{investmentId}")
    @Operation(summary = "Change or withdraw a locked investment (If-Match required)", description = "Emits investment.updated")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = InvestmentView.class)))
    @APIResponse(responseCode = "409", description = "Already unlocked or withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID plan, @PathParam("investmentId") UUID investmentId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid InvestmentRequest request) {
        InvestmentView i = investments.update(plan, investmentId, ifMatch, request);
        return Response.ok(i).tag(Versions.etag(i.version())).build();
    }
}
