package io.partnerplan.calendar.blocked;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.web.Params;
import io.quarkus.security.Authenticated;

@Path("/api/v1/fiscal-calendars/{organisationId}/blocked-periods")
@Tag(name = "Fiscal calendars")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class BlockedPeriodResource {

    private final BlockedPeriods periods;

    public BlockedPeriodResource(BlockedPeriods periods) {
        this.periods = periods;
    }

    @POST
    @Operation(summary = "Declare a holiday or blackout period of your organisation",
            description = "Reviews scheduled from then on skip both organisations' holidays")
    @APIResponse(responseCode = "201", description = "Declared",
            content = @Content(schema = @Schema(implementation = BlockedPeriodView.class)))
    public Response declare(@PathParam("organisationId") UUID organisation, @NotNull @Valid BlockedPeriodRequest request) {
        BlockedPeriodView b = periods.declare(organisation, request);
        return Response.created(URI.create("/api/v1/fiscal-calendars/" + organisation + "/blocked-periods/" + b.id()))
                .tag(Versions.etag(b.version())).entity(b).build();
    }

    @GET
    @Operation(summary = "Your organisation's holidays and blackout periods that touch a date range")
    public List<BlockedPeriodView> list(@PathParam("organisationId") UUID organisation,
                                        @QueryParam("from") @Parameter(required = true) @Schema(format = "date", example = "2026-01-01") String from,
                                        @QueryParam("to") @Parameter(required = true) @Schema(format = "date", example = "2026-12-31") String to) {
        return periods.list(organisation, Params.date("from", from), Params.date("to", to));
    }

    @DELETE
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Withdraw a holiday or blackout period (If-Match required)",
            description = "Reviews already scheduled stay where they are")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response withdraw(@PathParam("organisationId") UUID organisation, @PathParam("id") UUID id,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        periods.withdraw(organisation, id, ifMatch);
        return Response.noContent().build();
    }
}
