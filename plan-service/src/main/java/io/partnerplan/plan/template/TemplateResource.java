package io.partnerplan.plan.template;

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

import io.partnerplan.plan.plan.PlanRequest;
import io.partnerplan.plan.plan.PlanView;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.idempotency.Idempotent;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/api/v1/templates")
@Tag(name = "Templates", description = "The vendor's templates for new plans; partners see those shared with them")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class TemplateResource {

    private final Templates templates;

    public TemplateResource(Templates templates) {
        this.templates = templates;
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.VENDOR_MANAGER)
    @Operation(summary = "Save a plan as a template (vendor manager)",
            description = "Keeps the sections, objectives, action items (as skeletons due some days into the horizon) and milestones.")
    @APIResponse(responseCode = "201", description = "Saved", content = @Content(schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, e.g. planId not a plan of your organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response save(@NotNull @Valid TemplateRequest request) {
        TemplateView t = templates.save(request);
        return Response.created(URI.create("/api/v1/templates/" + t.id())).tag(Versions.etag(t.version())).entity(t).build();
    }

    @GET
    @Operation(summary = "Templates you may read, oldest first", description = "For the vendor's people, the vendor's templates "
            + "(with whom each is shared); for a partner's, those the vendor shared with all partners or with that partner "
            + "(without whom else).")
    public Page<TemplateView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return templates.list(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{templateId}")
    @Operation(summary = "One template; ETag carries its version")
    @APIResponse(responseCode = "200", description = "The template", content = @Content(schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "404", description = "No such template of your organisation or shared with it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("templateId") UUID id) {
        TemplateView t = templates.get(id);
        return Response.ok(t).tag(Versions.etag(t.version())).build();
    }

    @DELETE
    @Path("/{templateId}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.VENDOR_MANAGER)
    @Operation(summary = "Delete a template (vendor manager, If-Match required); plans made from it stay")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("templateId") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        templates.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{templateId}/sharing")
    @RolesAllowed(Roles.VENDOR_MANAGER)
    @Operation(summary = "Share a template with all partners or chosen ones (vendor manager, If-Match required)",
            description = "Replaces the previous sharing: allPartners, or the partner organisations listed, or (both empty) "
                    + "nobody. Partners it is shared with read it; they never draft from it or change it, and never learn "
                    + "with whom else it is shared.")
    @APIResponse(responseCode = "200", description = "Shared", content = @Content(schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "400", description = "An organisation that is not a partner of the tenant, named twice, or "
            + "organisations listed with allPartners",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such template of your organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response share(@PathParam("templateId") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @NotNull @Valid TemplateSharingRequest request) {
        TemplateView t = templates.share(id, ifMatch, request);
        return Response.ok(t).tag(Versions.etag(t.version())).build();
    }

    @PUT
    @Path("/{templateId}/audience")
    @RolesAllowed(Roles.VENDOR_MANAGER)
    @Operation(summary = "Mark a template for partner tiers and types (vendor manager, If-Match required)",
            description = "A new plan with a partner holding one of the tiers and being one of the types (an empty list asks "
                    + "nothing of its side) starts from this template unless the request names another or none "
                    + "(POST /api/v1/plans). Replaces the previous marking; both lists empty: nobody's default.")
    @APIResponse(responseCode = "200", description = "Marked", content = @Content(schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "400", description = "A tier of no programme of the tenant, or a value named twice",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such template of your organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response mark(@PathParam("templateId") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @NotNull @Valid TemplateAudienceRequest request) {
        TemplateView t = templates.mark(id, ifMatch, request);
        return Response.ok(t).tag(Versions.etag(t.version())).build();
    }

    @POST
    @Path("/{templateId}/plans")
    @Idempotent
    @RolesAllowed(Roles.VENDOR_MANAGER)
    @Operation(summary = "Draft a plan with a partner from the template (vendor manager)",
            description = "Sections, objectives, action items (owned by you) and milestones are laid into the new horizon. "
                    + "Emits plan.created, action.created and milestone.created.")
    @APIResponse(responseCode = "201", description = "Drafted", content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response instantiate(@PathParam("templateId") UUID id, @NotNull @Valid PlanRequest request) {
        PlanView plan = templates.instantiate(id, request);
        return Response.created(URI.create("/api/v1/plans/" + plan.id())).tag(Versions.etag(plan.version())).entity(plan).build();
    }
}
