package io.partnerplan.calendar.mop;

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

@Path("/api/v1/mops")
@Tag(name = "Mutual Operating Periods")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class MopResource {

    private final MopService mops;

    public MopResource(MopService mops) {
        this.mops = mops;
    }

    @POST
    @Idempotent
    @Operation(summary = "Propose a Mutual Operating Period (or counter-propose: the open proposal is superseded)",
            description = "Your side's acceptance is implied; emits mop.proposed")
    @APIResponse(responseCode = "201", description = "Proposed", content = @Content(schema = @Schema(implementation = MopView.class)))
    @APIResponse(responseCode = "409", description = "A party has no fiscal calendar yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response propose(@NotNull @Valid MopProposal proposal) {
        MopView mop = mops.propose(proposal);
        return Response.created(URI.create("/api/v1/mops/" + mop.id())).tag(Versions.etag(mop.version())).entity(mop).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one MOP")
    @APIResponse(responseCode = "200", description = "The MOP; ETag carries its version",
            content = @Content(schema = @Schema(implementation = MopView.class)))
    public Response get(@PathParam("id") UUID id) {
        MopView mop = mops.get(id);
        return Response.ok(mop).tag(Versions.etag(mop.version())).build();
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Accept the other side's proposal (If-Match required)", description = "The MOP is agreed; emits mop.agreed")
    @APIResponse(responseCode = "200", description = "Agreed", content = @Content(schema = @Schema(implementation = MopView.class)))
    @APIResponse(responseCode = "409", description = "Not a proposal, or your side proposed it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response accept(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        MopView mop = mops.accept(id, ifMatch);
        return Response.ok(mop).tag(Versions.etag(mop.version())).build();
    }
}
