package io.partnerplan.notification.preference;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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

/**
 * Your own channel choices. A PUT states the whole value of one (channel, event type) pair, so
 * repeating it is harmless; no If-Match, since only you write your preferences.
 */
@Path("/api/v1/notifications/preferences")
@Tag(name = "Preferences", description = "Which event types reach you on which channel")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PreferenceResource {

    private final Preferences preferences;

    public PreferenceResource(Preferences preferences) {
        this.preferences = preferences;
    }

    public record PreferencesView(List<PreferenceView> items) {
    }

    @GET
    @Operation(summary = "Your choices for every event type and channel (on unless you turned it off)")
    public PreferencesView mine() {
        return new PreferencesView(preferences.mine());
    }

    @PUT
    @Path("/{channel}/{eventType}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Turn one event type on or off for one channel (INBOX or EMAIL), by email at once or in a digest")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PreferenceView.class)))
    @APIResponse(responseCode = "400", description = "Unknown channel or event type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PreferenceView set(@PathParam("channel") String channel, @PathParam("eventType") String eventType,
                              @Valid @NotNull PreferenceRequest request) {
        return preferences.set(channel, eventType, request.enabled(), request.delivery());
    }

    @DELETE
    @Path("/{channel}/{eventType}")
    @Operation(summary = "Back to the default (on)")
    @APIResponse(responseCode = "204", description = "Reset")
    public void reset(@PathParam("channel") String channel, @PathParam("eventType") String eventType) {
        preferences.reset(channel, eventType);
    }
}
