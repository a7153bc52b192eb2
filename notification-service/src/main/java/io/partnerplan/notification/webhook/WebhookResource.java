package io.partnerplan.notification.webhook;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.notification.delivery.DeliveryStatus;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.idempotency.Idempotent;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Roles;

@Path("/api/v1/notifications/webhooks")
@Tag(name = "Webhooks", description = """
        The tenant's events pushed to PRM/CRM systems. Each delivery is a POST of the CloudEvent as JSON
        (specversion, id, type, source, subject, time, tenantid, data) with headers PartnerPlan-Event-Id,
        PartnerPlan-Event-Type, PartnerPlan-Delivery-Id (the same on every retry) and
        PartnerPlan-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of t + "." + body, keyed with the secret>
        (one v1 per valid secret: two during a rotation's grace period). Any 2xx acknowledges; anything else
        is retried with exponential backoff and jitter, then kept as a dead letter that can be replayed.
        A tenant admin manages the tenant's own subscriptions (any event type, every plan) and sees every
        subscription. An organisation's integration client (role integration, its organisation in the token)
        manages its organisation's own: they take the event types about one plan and receive them only for the
        plans the organisation is a party to; it sees nothing of other subscriptions (404).""")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.TENANT_ADMIN, Roles.INTEGRATION })
public class WebhookResource {

    private final Webhooks webhooks;

    public WebhookResource(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe an endpoint to event types; the answer holds the signing secret, shown only once")
    @APIResponse(responseCode = "201", description = "Subscribed", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "URL not allowed (not https, private address), unknown event type, or "
            + "(an organisation's client) an event type not about one plan",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull WebhookRequest request) {
        WebhookView created = webhooks.create(request);
        return Response.created(URI.create("/api/v1/notifications/webhooks/" + created.id()))
                .tag(Versions.etag(0)).entity(created).build();
    }

    @GET
    @Operation(summary = "The webhook subscriptions you manage: the tenant's (tenant admin), or your organisation's (its client)")
    public Page<WebhookView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return webhooks.list(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A subscription with its circuit breaker state")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription in your tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Webhooks.Versioned<WebhookView> found = webhooks.get(id);
        return Response.ok(found.value()).tag(Versions.etag(found.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change URL, event types, description or pause it (active=false); needs If-Match")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull WebhookRequest request) {
        Webhooks.Versioned<WebhookView> updated = webhooks.update(id, ifMatch, request);
        return Response.ok(updated.value()).tag(Versions.etag(updated.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unsubscribe; pending deliveries are dropped")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id) {
        webhooks.delete(id);
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(summary = "A new signing secret; the previous one also signs for the grace period (two v1 signatures)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WebhookSecretView.class)))
    public WebhookSecretView rotate(@PathParam("id") UUID id) {
        return webhooks.rotate(id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The delivery log of a subscription, newest first")
    public Page<DeliveryView> deliveries(@PathParam("id") UUID id,
                                         @Parameter(description = "PENDING, SENT or FAILED") @QueryParam("status") String status,
                                         @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return webhooks.deliveries(id, status(status), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/dead-letters")
    @Operation(summary = "Deliveries of the subscriptions you manage that exhausted their attempts, newest first")
    public Page<DeliveryView> deadLetters(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return webhooks.deadLetters(PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    @Operation(summary = "Send a dead letter again, with a fresh set of attempts")
    @APIResponse(responseCode = "202", description = "Queued again", content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "409", description = "The delivery is not FAILED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replay(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(webhooks.replay(id, deliveryId)).build();
    }

    private static DeliveryStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "must be one of PENDING, SENT, FAILED");
        }
    }
}
