package io.partnerplan.plan.member;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.idempotency.Idempotent;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.problem.Problem;
import io.quarkus.security.Authenticated;

@Path("/api/v1/plans/{id}/members")
@Tag(name = "Plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class PlanMemberResource {

    private final PlanMembers members;

    public PlanMemberResource(PlanMembers members) {
        this.members = members;
    }

    @POST
    @Idempotent
    @Operation(summary = "Add a person of either side to the plan", description = "Emits member.added")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "409", description = "Already a member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(@PathParam("id") UUID plan, @NotNull @Valid MemberRequest request) {
        MemberView member = members.add(plan, request);
        return Response.created(URI.create("/api/v1/plans/" + plan + "/members/" + member.subject())).entity(member).build();
    }

    @GET
    @Operation(summary = "The plan's members from both organisations")
    public Page<MemberView> list(@PathParam("id") UUID plan, @QueryParam("limit") Integer limit,
                                 @QueryParam("cursor") String cursor) {
        return members.list(plan, PageRequest.of(limit, cursor));
    }

    @DELETE
    @Path("/{subject}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Remove a member", description = "Emits member.removed")
    @APIResponse(responseCode = "204", description = "Removed")
    public void remove(@PathParam("id") UUID plan, @PathParam("subject") String subject) {
        members.remove(plan, subject);
    }
}
