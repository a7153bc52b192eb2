package io.partnerplan.notification.preference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.problem.Problem;
import io.quarkus.security.Authenticated;

/** Your own delivery settings; a PUT states the whole value, and only you write it (no If-Match). */
@Path("/api/v1/notifications/settings")
@Tag(name = "Preferences", description = "Which event types reach you on which channel")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class SettingsResource {

    private final MemberSettings settings;

    public SettingsResource(MemberSettings settings) {
        this.settings = settings;
    }

    @GET
    @Operation(summary = "Your time zone, language, quiet hours and digest time (defaults until you set them)")
    public DeliverySettings mine() {
        return settings.mine();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set your time zone, language, quiet hours and digest time")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DeliverySettings.class)))
    @APIResponse(responseCode = "400", description = "Unknown time zone, half quiet hours, bad locale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeliverySettings set(@Valid @NotNull DeliverySettings request) {
        return settings.set(request);
    }
}
