package io.partnerplan.calendar.availability;

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
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.web.Params;
import io.quarkus.security.Authenticated;

@Path("/api/v1/availability")
@Tag(name = "Availability", description = "Out-of-office periods and the delegates who stand in")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class AvailabilityResource {

    private final AvailabilityService availability;

    public AvailabilityResource(AvailabilityService availability) {
        this.availability = availability;
    }

    @POST
    @Operation(summary = "Declare an out-of-office period (your own, or a colleague's as their manager)",
            description = "Emits availability.changed (DECLARED)")
    @APIResponse(responseCode = "201", description = "Declared",
            content = @Content(schema = @Schema(implementation = AvailabilityView.class)))
    @APIResponse(responseCode = "409", description = "The person is already away on one of these days",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response declare(@NotNull @Valid AvailabilityRequest request) {
        AvailabilityView a = availability.declare(request);
        return Response.created(URI.create("/api/v1/availability/" + a.availabilityId())).tag(Versions.etag(a.version()))
                .entity(a).build();
    }

    @GET
    @Operation(summary = "Your organisation's out-of-office periods that end on or after a date (today when absent)")
    public Page<AvailabilityView> list(@QueryParam("subject") String subject,
                                       @QueryParam("from") @Schema(format = "date", example = "2026-11-01") String from,
                                       @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return availability.list(subject, from == null ? null : Params.date("from", from), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one out-of-office period")
    @APIResponse(responseCode = "200", description = "The period; ETag carries its version",
            content = @Content(schema = @Schema(implementation = AvailabilityView.class)))
    public Response get(@PathParam("id") UUID id) {
        AvailabilityView a = availability.get(id);
        return Response.ok(a).tag(Versions.etag(a.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change an out-of-office period's dates, delegate or note (If-Match required)",
            description = "Emits availability.changed (UPDATED)")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = AvailabilityView.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull @Valid AvailabilityRequest request) {
        AvailabilityView a = availability.update(id, ifMatch, request);
        return Response.ok(a).tag(Versions.etag(a.version())).build();
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Cancel an out-of-office period (If-Match required)", description = "Emits availability.changed (CANCELLED)")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = AvailabilityView.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        AvailabilityView a = availability.cancel(id, ifMatch);
        return Response.ok(a).tag(Versions.etag(a.version())).build();
    }
}
