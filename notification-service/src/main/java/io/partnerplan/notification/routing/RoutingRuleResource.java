package io.partnerplan.notification.routing;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.security.Roles;

@Path("/api/v1/notifications/routing-rules")
@Tag(name = "Routing rules", description = """
        Which plan roles hear which event type in your tenant. Every type has a default; a tenant admin may
        change it (If-Match with the ETag read) or go back to it. Members still choose their own channels and
        may turn off any type that is not mandatory (preferences).""")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.TENANT_ADMIN)
public class RoutingRuleResource {

    private final RoutingRules rules;

    public RoutingRuleResource(RoutingRules rules) {
        this.rules = rules;
    }

    public record RoutingRulesView(List<RoutingRuleView> items) {
    }

    @GET
    @Operation(summary = "The rule of every routed event type, your tenant's or the default")
    public RoutingRulesView list() {
        return new RoutingRulesView(rules.all());
    }

    @GET
    @Path("/{eventType}")
    @Operation(summary = "One event type's rule, with its ETag")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RoutingRuleView.class)))
    @APIResponse(responseCode = "404", description = "Not a routed event type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("eventType") String eventType) {
        RoutingRuleView rule = rules.get(eventType);
        return Response.ok(rule).tag(Versions.etag(rule.version())).build();
    }

    @PUT
    @Path("/{eventType}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose the roles that hear this event type in your tenant; needs If-Match")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RoutingRuleView.class)))
    @APIResponse(responseCode = "400", description = "Unknown event type or role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response set(@PathParam("eventType") String eventType, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        @Valid @NotNull RoutingRuleRequest request) {
        RoutingRuleView rule = rules.set(eventType, ifMatch, request.roles());
        return Response.ok(rule).tag(Versions.etag(rule.version())).build();
    }

    @DELETE
    @Path("/{eventType}")
    @Operation(summary = "Back to the default roles; needs If-Match")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RoutingRuleView.class)))
    public Response reset(@PathParam("eventType") String eventType, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        RoutingRuleView rule = rules.set(eventType, ifMatch, null);
        return Response.ok(rule).tag(Versions.etag(rule.version())).build();
    }
}
