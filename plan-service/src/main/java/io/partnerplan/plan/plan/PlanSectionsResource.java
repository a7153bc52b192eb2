package io.partnerplan.plan.plan;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.partnerplan.plan.section.MergePatch;
import io.partnerplan.plan.section.PlanSections;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/api/v1/plans/{id}/sections")
@Tag(name = "Plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class PlanSectionsResource {

    private final PlanService plans;

    public PlanSectionsResource(PlanService plans) {
        this.plans = plans;
    }

    @GET
    @Operation(summary = "The plan's written sections: statements, SWOTs, alignment, value proposition, audiences, marketing and sales plans")
    @APIResponse(responseCode = "200", description = "The sections; ETag is the plan's version",
            content = @Content(schema = @Schema(implementation = PlanSections.class)))
    public Response get(@PathParam("id") UUID id) {
        PlanService.Versioned<PlanSections> sections = plans.sections(id);
        return Response.ok(sections.value()).tag(Versions.etag(sections.version())).build();
    }

    @PATCH
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({ Roles.VENDOR_MANAGER, Roles.PARTNER_OWNER, Roles.CONTRIBUTOR, Roles.EXECUTIVE_SPONSOR })
    @Operation(summary = "Edit the plan's written sections with a JSON Merge Patch (RFC 7396; If-Match: the plan's ETag)",
            description = "Absent sections and fields stay as they are, null removes one. Each side owns its statements and SWOT "
                    + "(and the partner its competencies and differentiators): the other side's are read-only (403), joint sections "
                    + "are written by both. While the plan is a draft or proposed; once agreed, through an amendment (409). "
                    + "An If-Match older than the plan still applies when the sections the patch changes did not change since. "
                    + "An edit voids signatures; emits plan.updated; the previous content stays readable as a version.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = PlanSections.class)))
    @APIResponse(responseCode = "200", description = "Edited", content = @Content(schema = @Schema(implementation = PlanSections.class)))
    @APIResponse(responseCode = "403", description = "The patch changes the other side's own sections",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan is agreed: use an amendment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Sections the patch changes changed since you read them",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @NotNull JsonNode patch) throws JsonProcessingException {
        PlanService.Versioned<PlanSections> patched = plans.patchSections(id, ifMatch, patch);
        return Response.ok(patched.value()).tag(Versions.etag(patched.version())).build();
    }

    @PUT
    @RolesAllowed({ Roles.VENDOR_MANAGER, Roles.PARTNER_OWNER, Roles.CONTRIBUTOR, Roles.EXECUTIVE_SPONSOR })
    @Operation(summary = "Replace the plan's written sections (If-Match: the plan's ETag)",
            description = "Refuses (400, naming each) to drop content the plan has that the request does not carry: send it "
                    + "back to keep it, or edit with PATCH. The other side's own sections are read-only (403). While the plan is "
                    + "a draft or proposed; an edit voids signatures. Emits plan.updated; the previous content stays readable as a version.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = PlanSections.class)))
    @APIResponse(responseCode = "409", description = "The plan is agreed: use an amendment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @NotNull @Valid PlanSections sections) {
        PlanService.Versioned<PlanSections> replaced = plans.replaceSections(id, ifMatch, sections);
        return Response.ok(replaced.value()).tag(Versions.etag(replaced.version())).build();
    }
}
