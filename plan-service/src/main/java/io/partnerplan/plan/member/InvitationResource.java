package io.partnerplan.plan.member;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.problem.Problem;
import io.quarkus.security.Authenticated;

@Path("/api/v1/invitations")
@Tag(name = "Plans")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class InvitationResource {

    private final Invitations invitations;

    public InvitationResource(Invitations invitations) {
        this.invitations = invitations;
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Accept an invitation with your own token: you become a member of the plan",
            description = "Your token's organisation and email claim must be the invitation's; your name, address, language "
                    + "and zone come from your token. Emits member.added")
    @APIResponse(responseCode = "200", description = "You are a member", content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "403", description = "The invitation is for another address",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Accepted or revoked already, or you are a member already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "Expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MemberView accept(@PathParam("id") UUID invitation) {
        return invitations.accept(invitation);
    }
}
