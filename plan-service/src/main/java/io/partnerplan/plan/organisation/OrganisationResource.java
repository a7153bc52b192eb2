package io.partnerplan.plan.organisation;

import io.partnerplan.platform.bulk.BulkRowResult;
import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.idempotency.Idempotent;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/api/v1/organisations")
@Tag(name = "Organisations", description = "The vendor and its channel partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class OrganisationResource {

    private final OrganisationService service;
    private final OrganisationImport imports;

    public OrganisationResource(OrganisationService service, OrganisationImport imports) {
        this.service = service;
        this.imports = imports;
    }

    @POST
    @Idempotent
    @RolesAllowed({ Roles.TENANT_ADMIN, Roles.VENDOR_MANAGER, Roles.INTEGRATION })
    @Operation(summary = "Register an organisation (the vendor or a partner)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull @Valid OrganisationRequest request) {
        OrganisationView created = service.create(request);
        return Response.created(URI.create("/api/v1/organisations/" + created.id()))
                .tag(Versions.etag(created.version())).entity(created).build();
    }

    @PUT
    @Path("/by-external-id/{system}/{externalId}")
    @RolesAllowed({ Roles.TENANT_ADMIN, Roles.VENDOR_MANAGER, Roles.INTEGRATION })
    @Operation(summary = "Create or update the organisation a PRM/CRM knows by its own id",
            description = "For syncs: safe to run again and again. An unchanged organisation keeps its version "
                    + "and emits no event. If-Match is honoured when sent.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "200", description = "Updated or unchanged",
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response upsert(
            @PathParam("system") @Pattern(regexp = "[a-z0-9-]+(:[a-z0-9-]+)*", message = "must look like crm:salesforce")
            @Size(max = 60) @Parameter(example = "crm:salesforce") String system,
            @PathParam("externalId") @Pattern(regexp = "[A-Za-z0-9._~:@-]+", message = "must be letters, digits or ._~:@-")
            @Size(max = 200) @Parameter(example = "0015g00000XyZ") String externalId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid OrganisationRequest request) {
        OrganisationService.Upserted result = service.upsert(system, externalId, ifMatch, request);
        OrganisationView view = result.organisation();
        Response.ResponseBuilder answer = result.created()
                ? Response.created(URI.create("/api/v1/organisations/" + view.id()))
                : Response.ok();
        return answer.tag(Versions.etag(view.version())).entity(view).build();
    }

    @POST
    @Path("/bulk")
    @Consumes("application/x-ndjson")
    @Produces("application/x-ndjson")
    @RolesAllowed({ Roles.TENANT_ADMIN, Roles.VENDOR_MANAGER, Roles.INTEGRATION })
    @Operation(summary = "Import organisations from a PRM/CRM export, one JSON object per line (NDJSON)",
            description = "Each line is {\"system\", \"externalId\", \"name\", \"kind\", \"timeZone\"} (and, for a partner, "
                    + "optionally its \"partnerProfile\" as in OrganisationRequest) and is upserted by its "
                    + "external id in its own transaction. The answer has one NDJSON line per input line: created, updated, "
                    + "unchanged, or rejected with the fields and rules it broke. Safe to run again. At most 32 MiB.")
    @APIResponse(responseCode = "200", description = "One result per line",
            content = @Content(mediaType = "application/x-ndjson", schema = @Schema(implementation = BulkRowResult.class)))
    public Response importNdjson(java.io.InputStream body) throws java.io.IOException {
        service.requireMayRegister();
        return Response.ok(imports.ndjson(body), "application/x-ndjson").build();
    }

    @GET
    @Operation(summary = "List organisations of the tenant, oldest first",
            description = "A partner's people and clients see their own organisation and the vendor; the vendor's people "
                    + "and tenant-wide callers see every partner. Filters combine (all must hold): kind, name (contains, ignoring case), an external id "
                    + "(externalSystem with externalId), and the partner-programme filters (programmeId, tier, region, partnerType), which "
                    + "match the partner's profile exactly and leave out organisations without a matching profile. Unknown query "
                    + "parameters are refused with 400.")
    @APIResponse(responseCode = "200", description = "A page of organisations")
    @APIResponse(responseCode = "400", description = "A filter value that cannot be read, named by its parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<OrganisationView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                       @QueryParam("kind") @Parameter(description = "VENDOR or PARTNER",
                                               schema = @Schema(implementation = OrganisationKind.class)) String kind,
                                       @QueryParam("name") @Parameter(description = "Part of the name, ignoring case",
                                               example = "acme") String name,
                                       @QueryParam("externalSystem") @Parameter(description = "With externalId: the PRM/CRM "
                                               + "that knows the organisation", example = "crm:salesforce") String externalSystem,
                                       @QueryParam("externalId") @Parameter(description = "With externalSystem: its id there",
                                               example = "0015g00000XyZ") String externalId,
                                       @QueryParam("programmeId") @Parameter(description = "Partners enrolled in this programme",
                                               schema = @Schema(format = "uuid")) String programmeId,
                                       @QueryParam("tier") @Parameter(description = "Partners holding this tier (its code)",
                                               example = "GOLD") String tier,
                                       @QueryParam("region") @Parameter(description = "Partners covering this region, as spelled "
                                               + "in their profile", example = "EMEA") String region,
                                       @QueryParam("partnerType") @Parameter(description = "Partners of this type",
                                               schema = @Schema(implementation = PartnerType.class)) String partnerType) {
        return service.list(OrganisationFilter.of(kind, name, externalSystem, externalId),
                PartnerFilter.of(programmeId, tier, region, partnerType), PageRequest.of(limit, cursor));
    }

    @PUT
    @Path("/{id}/external-ids/{system}/{externalId}")
    @RolesAllowed({ Roles.TENANT_ADMIN, Roles.VENDOR_MANAGER, Roles.INTEGRATION })
    @Operation(summary = "Record another system's id for the organisation (a PRM's next to the CRM's)",
            description = "Idempotent: attaching an id the organisation already has changes nothing. An id that "
                    + "identifies another organisation is a 409 (merge them instead). Emits organisation.updated; "
                    + "If-Match is honoured when sent.")
    @APIResponse(responseCode = "201", description = "Attached; ETag carries the new version",
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "200", description = "Already attached",
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "409", description = "The id identifies another organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response attachExternalId(@PathParam("id") UUID id,
            @PathParam("system") @Pattern(regexp = "[a-z0-9-]+(:[a-z0-9-]+)*", message = "must look like crm:salesforce")
            @Size(max = 60) @Parameter(example = "prm:impartner") String system,
            @PathParam("externalId") @Pattern(regexp = "[A-Za-z0-9._~:@-]+", message = "must be letters, digits or ._~:@-")
            @Size(max = 200) @Parameter(example = "42") String externalId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        OrganisationService.Upserted result = service.attachExternalId(id, system, externalId, ifMatch);
        OrganisationView view = result.organisation();
        return (result.created() ? Response.status(Response.Status.CREATED) : Response.ok())
                .tag(Versions.etag(view.version())).entity(view).build();
    }

    @DELETE
    @Path("/{id}/external-ids/{system}/{externalId}")
    @RolesAllowed({ Roles.TENANT_ADMIN, Roles.VENDOR_MANAGER, Roles.INTEGRATION })
    @Operation(summary = "Forget one of the organisation's external ids (If-Match required)",
            description = "Emits organisation.updated. The organisation itself stays.")
    @APIResponse(responseCode = "200", description = "Forgotten; ETag carries the new version",
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    public Response detachExternalId(@PathParam("id") UUID id, @PathParam("system") String system,
                                     @PathParam("externalId") String externalId,
                                     @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        OrganisationView view = service.detachExternalId(id, system, externalId, ifMatch);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @GET
    @Path("/by-external-id/{system}/{externalId}")
    @Operation(summary = "Get the organisation a PRM/CRM knows by its own id")
    @APIResponse(responseCode = "200", description = "The organisation; ETag carries its version",
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "404", description = "No organisation of your tenant has this external id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getByExternalId(@PathParam("system") @Parameter(example = "crm:salesforce") String system,
                                    @PathParam("externalId") @Parameter(example = "0015g00000XyZ") String externalId) {
        OrganisationView view = service.byExternalId(system, externalId);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one organisation")
    @APIResponse(responseCode = "200", description = "The organisation; ETag carries its version",
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "404", description = "No such organisation in your tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        OrganisationView view = service.get(id);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.TENANT_ADMIN, Roles.VENDOR_MANAGER, Roles.INTEGRATION })
    @Operation(summary = "Replace an organisation's details (If-Match required)")
    @APIResponse(responseCode = "200", description = "Replaced; ETag carries the new version",
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull @Valid OrganisationRequest request) {
        OrganisationView view = service.update(id, ifMatch, request);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }
}
