package io.partnerplan.plan.renewal;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
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

import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/api/v1/plans/{id}/renewal")
@Tag(name = "Plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class RenewalResource {

    private final Renewals renewals;

    public RenewalResource(Renewals renewals) {
        this.renewals = renewals;
    }

    @POST
    @RolesAllowed(Roles.VENDOR_MANAGER)
    @Operation(summary = "Renew an active or in-review plan into next period's draft (vendor manager, If-Match: the plan's ETag)",
            description = "From the day the renewal window opens (partnerplan.renewal.window before the horizon ends, 90 days by "
                    + "default), or earlier with a reason. The successor (DRAFT) gets the sections, members, objectives (periods "
                    + "moved along), budgets (planned amounts only), milestones (dates moved along, to be decided afresh) and the "
                    + "conditional investments not withdrawn (locked, on the copy of their milestone), all to be re-agreed; the "
                    + "open action items (open, in progress, blocked) move over with their ids. The old plan becomes RENEWED and "
                    + "keeps its scheduled reviews (and may hold them) until the successor is agreed; emits plan.renewed.")
    @APIResponse(responseCode = "201", description = "Renewed; Location is the successor plan",
            content = @Content(schema = @Schema(implementation = Renewal.class)))
    @APIResponse(responseCode = "409", description = "Not active or in review, or before the renewal window without a reason "
            + "(renewal-window, naming the day it opens)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The plan changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response renew(@PathParam("id") UUID plan, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid RenewalRequest request) {
        Renewal renewal = renewals.renew(plan, ifMatch, request);
        return Response.created(URI.create("/api/v1/plans/" + renewal.successorPlanId())).entity(renewal).build();
    }

    /** The same without a body: every default. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.VENDOR_MANAGER)
    @Operation(hidden = true)
    public Response renewWithDefaults(@PathParam("id") UUID plan, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return renew(plan, ifMatch, null);
    }
}
