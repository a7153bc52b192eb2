package io.partnerplan.plan.audit;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.problem.Problem;
import io.quarkus.security.Authenticated;

@Path("/api/v1/plans/{id}/audit")
@Tag(name = "Plans")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PlanAuditResource {

    private final PlanAudit audit;

    public PlanAuditResource(PlanAudit audit) {
        this.audit = audit;
    }

    @GET
    @Operation(summary = "Who changed what in the plan and when, newest first",
            description = "One entry per change: every plan event (plan, members, actions, milestones, investments, "
                    + "escalations...) is written to the trail in the change's own transaction")
    @APIResponse(responseCode = "200", description = "A page of the trail")
    @APIResponse(responseCode = "404", description = "No such plan, or not one of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<AuditEntryView> list(@PathParam("id") UUID plan, @QueryParam("limit") Integer limit,
                                     @QueryParam("cursor") String cursor) {
        return audit.list(plan, PageRequest.of(limit, cursor));
    }
}
