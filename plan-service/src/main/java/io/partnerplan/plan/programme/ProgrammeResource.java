package io.partnerplan.plan.programme;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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
import io.partnerplan.platform.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/api/v1/programmes")
@Tag(name = "Programmes", description = "The vendor's partner programmes: tiers, their requirements over KPIs and their benefits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class ProgrammeResource {

    private final Programmes programmes;

    public ProgrammeResource(Programmes programmes) {
        this.programmes = programmes;
    }

    @POST
    @Idempotent
    @RolesAllowed({ Roles.TENANT_ADMIN, Roles.VENDOR_MANAGER, Roles.INTEGRATION })
    @Operation(summary = "Define a partner programme (the vendor's people, tenant admins, their syncs)",
            description = "Tiers are listed from the entry tier up; each states its requirements over KPIs for a window of "
                    + "closed periods and its benefits. Emits programme.created.")
    @APIResponse(responseCode = "201", description = "Defined", content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, e.g. a tier asking less than the one below it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A partner's callers define no programmes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another programme has this name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull @Valid ProgrammeRequest request) {
        ProgrammeView p = programmes.create(request);
        return Response.created(URI.create("/api/v1/programmes/" + p.id())).tag(Versions.etag(p.version())).entity(p).build();
    }

    @GET
    @Operation(summary = "Programmes you may read, oldest first",
            description = "The vendor's people and tenant-wide callers read every programme; a partner's people and clients "
                    + "the one their organisation is enrolled in.")
    @APIResponse(responseCode = "200", description = "A page of programmes")
    public Page<ProgrammeView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return programmes.list(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{programmeId}")
    @Operation(summary = "One programme; ETag carries its version")
    @APIResponse(responseCode = "200", description = "The programme", content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "404", description = "No such programme in your tenant, or (for a partner) not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("programmeId") UUID id) {
        ProgrammeView p = programmes.get(id);
        return Response.ok(p).tag(Versions.etag(p.version())).build();
    }

    @PUT
    @Path("/{programmeId}")
    @RolesAllowed({ Roles.TENANT_ADMIN, Roles.VENDOR_MANAGER, Roles.INTEGRATION })
    @Operation(summary = "Replace a programme's definition (If-Match required)",
            description = "Tiers may be renamed, reordered, added, and their requirements and benefits changed; a tier some "
                    + "partner holds cannot be dropped (409). Emits programme.updated.")
    @APIResponse(responseCode = "200", description = "Replaced; ETag carries the new version",
            content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such programme in your tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A dropped tier is held by partners, or another programme has this name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("programmeId") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull @Valid ProgrammeRequest request) {
        ProgrammeView p = programmes.update(id, ifMatch, request);
        return Response.ok(p).tag(Versions.etag(p.version())).build();
    }

    @DELETE
    @Path("/{programmeId}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.TENANT_ADMIN, Roles.VENDOR_MANAGER, Roles.INTEGRATION })
    @Operation(summary = "Delete a programme no partner is enrolled in (If-Match required)", description = "Emits programme.deleted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such programme in your tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Partners are enrolled in it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("programmeId") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        programmes.delete(id, ifMatch);
        return Response.noContent().build();
    }
}
