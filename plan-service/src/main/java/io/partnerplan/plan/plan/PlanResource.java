package io.partnerplan.plan.plan;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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
import io.partnerplan.platform.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/api/v1/plans")
@Tag(name = "Plans", description = "Joint business plans between the vendor and a partner")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class PlanResource {

    private final PlanService service;
    private final TemplateStart templates;
    private final Clock clock;

    public PlanResource(PlanService service, TemplateStart templates, Clock clock) {
        this.service = service;
        this.templates = templates;
        this.clock = clock;
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.VENDOR_MANAGER)
    @Operation(summary = "Draft a plan with a partner",
            description = "Starts from the template named by templateId; else from the vendor's template marked for the partner's "
                    + "tier and partner type (the one matching both before one matching either, the newest among equals); "
                    + "else (or with useMatchingTemplate false) blank. The answer's templateId says which. Emits plan.created "
                    + "(and, from a template, action.created and milestone.created).")
    @APIResponse(responseCode = "201", description = "Drafted",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, e.g. templateId not a template of your organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response draft(@NotNull @Valid PlanRequest request) {
        PlanView plan = templates.draftFromTemplate(request).orElseGet(() -> service.draft(request));
        return Response.created(URI.create("/api/v1/plans/" + plan.id()))
                .tag(Versions.etag(plan.version())).entity(plan).build();
    }

    @GET
    @Operation(summary = "Search the plans your organisation is a party to, oldest first unless sorted",
            description = "Every filter is optional; a partner's people only ever see their own organisation's plans")
    @APIResponse(responseCode = "200", description = "A page of plans")
    @APIResponse(responseCode = "400", description = "A filter value that cannot be read, named by its parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<PlanView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                               @Parameter(description = "Plan statuses, repeated (status=ACTIVE&status=IN_REVIEW) or comma-separated (status=ACTIVE,IN_REVIEW)")
                               @QueryParam("status") List<String> status,
                               @Parameter(description = "The partner organisation's id") @QueryParam("partnerOrganisationId") String partner,
                               @Parameter(description = "A member who runs the plan (vendor manager or partner owner), by subject")
                               @QueryParam("owner") String owner,
                               @Parameter(description = "Horizons ending on or after this day", example = "2027-01-01")
                               @QueryParam("horizonFrom") String horizonFrom,
                               @Parameter(description = "Horizons starting on or before this day", example = "2027-12-31")
                               @QueryParam("horizonTo") String horizonTo,
                               @Parameter(description = "true: with an open action past its due date; false: without")
                               @QueryParam("hasOverdueActions") String hasOverdueActions,
                               @Parameter(description = "Plans whose title contains this text, ignoring case", example = "cloud")
                               @QueryParam("q") String q,
                               @Parameter(description = "The order: createdAt (the default), title, horizonStart or updatedAt;"
                                       + " a leading - for descending (-updatedAt: the most recently changed first)", example = "-updatedAt")
                               @QueryParam("sort") String sort) {
        PlanFilter filter = PlanFilter.of(status, partner, owner, horizonFrom, horizonTo, hasOverdueActions, LocalDate.now(clock),
                q, sort);
        return service.list(filter, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one plan")
    @APIResponse(responseCode = "200", description = "The plan; ETag carries its version",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan, or not one of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        PlanView plan = service.get(id);
        return Response.ok(plan).tag(Versions.etag(plan.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.VENDOR_MANAGER, Roles.PARTNER_OWNER, Roles.CONTRIBUTOR })
    @Operation(summary = "Edit a draft or proposed plan's header (If-Match required)")
    @APIResponse(responseCode = "200", description = "Edited; ETag carries the new version",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "The plan is agreed: use an amendment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull @Valid PlanUpdate update) {
        PlanView plan = service.update(id, ifMatch, update);
        return Response.ok(plan).tag(Versions.etag(plan.version())).build();
    }

    @POST
    @Path("/{id}/propose")
    @Consumes(MediaType.WILDCARD) // an action, no body
    @Operation(summary = "Put a draft forward for both sides' signature (If-Match required)",
            description = "draft → proposed; emits plan.proposed. Existing signatures are void.")
    @APIResponse(responseCode = "200", description = "Proposed", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "Not a draft", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response propose(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(service.propose(id, ifMatch));
    }

    @POST
    @Path("/{id}/return-to-draft")
    @Consumes(MediaType.WILDCARD) // an action, no body
    @Operation(summary = "Send a proposal back for changes (If-Match required)",
            description = "proposed → draft; signatures are void; emits plan.returned-to-draft")
    @APIResponse(responseCode = "200", description = "Back to draft", content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response returnToDraft(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(service.returnToDraft(id, ifMatch));
    }

    @POST
    @Path("/{id}/sign-off")
    @Consumes(MediaType.WILDCARD) // an action, no body
    @Operation(summary = "Sign the proposed plan for your side (If-Match required)",
            description = "The vendor's manager (or sponsor) signs for the vendor, the partner's owner (or sponsor) for the "
                    + "partner. With both signatures the plan is agreed and plan.agreed is emitted; otherwise plan.signed-off.")
    @APIResponse(responseCode = "200", description = "Signed", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "403", description = "Your role cannot sign for your side", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not proposed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response signOff(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(service.signOff(id, ifMatch));
    }

    @POST
    @Path("/{id}/activate")
    @Consumes(MediaType.WILDCARD) // an action, no body
    @Operation(summary = "Put an agreed plan into effect (vendor manager, If-Match required)", description = "agreed → active; emits plan.activated")
    @APIResponse(responseCode = "200", description = "Active", content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response activate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(service.activate(id, ifMatch));
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.WILDCARD) // an action, no body
    @Operation(summary = "Close a plan (vendor manager, If-Match required)", description = "emits plan.closed")
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response close(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(service.close(id, ifMatch));
    }

    private static Response withETag(PlanView plan) {
        return Response.ok(plan).tag(Versions.etag(plan.version())).build();
    }
}
