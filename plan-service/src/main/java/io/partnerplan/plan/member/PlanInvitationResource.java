package io.partnerplan.plan.member;

import java.net.URI;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.idempotency.Idempotent;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.problem.Problem;
import io.quarkus.security.Authenticated;

@Path("/api/v1/plans/{id}/invitations")
@Tag(name = "Plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class PlanInvitationResource {

    private final Invitations invitations;

    public PlanInvitationResource(Invitations invitations) {
        this.invitations = invitations;
    }

    @POST
    @Idempotent
    @Operation(summary = "Invite someone of your organisation who is not in the directory yet",
            description = "The vendor's manager invites for the vendor, the partner's owner for the partner. The invitee "
                    + "accepts with their own token (POST acceptUrl); its organisation and email claim must be the invitation's. "
                    + "Someone already in your directory is added as a member instead (409).")
    @APIResponse(responseCode = "201", description = "Invited", content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "409", description = "Already in the directory, or the plan takes no members",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response invite(@PathParam("id") UUID plan, @NotNull @Valid InvitationRequest request) {
        InvitationView invitation = invitations.invite(plan, request);
        return Response.created(URI.create("/api/v1/plans/" + plan + "/invitations/" + invitation.id()))
                .tag(Versions.etag(invitation.version())).entity(invitation).build();
    }

    @GET
    @Operation(summary = "The plan's invitations of your own side, oldest first")
    public Page<InvitationView> list(@PathParam("id") UUID plan, @QueryParam("limit") Integer limit,
                                     @QueryParam("cursor") String cursor) {
        return invitations.list(plan, PageRequest.of(limit, cursor));
    }

    @DELETE
    @Path("/{invitationId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Revoke a pending invitation", description = "If-Match is honoured when sent")
    @APIResponse(responseCode = "200", description = "Revoked", content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "409", description = "Accepted or revoked already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revoke(@PathParam("id") UUID plan, @PathParam("invitationId") UUID invitation,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        InvitationView revoked = invitations.revoke(plan, invitation, ifMatch);
        return Response.ok(revoked).tag(Versions.etag(revoked.version())).build();
    }

}
