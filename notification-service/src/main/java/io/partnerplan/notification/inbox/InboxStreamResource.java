package io.partnerplan.notification.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerResponse;

/**
 * New inbox items as Server-Sent Events. The stream polls the caller's inbox in the database rather
 * than listening in memory: the Kafka consumer that creates an item may run on another replica than
 * the one holding the connection. Each event's id is the item id, so a client reconnecting with
 * {@code Last-Event-ID} misses nothing.
 */
@Path("/api/v1/notifications/stream")
@Tag(name = "Inbox")
@Authenticated
public class InboxStreamResource {

    private static final int BATCH = 50;

    private final Inbox inbox;
    private final Caller caller;
    private final Sse sse;
    private final Duration poll;
    private final int heartbeatEvery;

    public InboxStreamResource(Inbox inbox, Caller caller, Sse sse,
                               @ConfigProperty(name = "partnerplan.inbox.stream-poll-interval", defaultValue = "2s") Duration poll,
                               @ConfigProperty(name = "partnerplan.inbox.stream-heartbeat", defaultValue = "20s") Duration heartbeat) {
        this.inbox = inbox;
        this.caller = caller;
        this.sse = sse;
        this.poll = poll;
        this.heartbeatEvery = (int) Math.max(1, heartbeat.toMillis() / poll.toMillis());
    }

    @GET
    @Blocking // reads where the stream starts from the database; the ticks run on the worker pool
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Your new notifications as they arrive (text/event-stream)", description = """
            Each event is named "notification", its id is the inbox item id and its data the InboxItem as JSON.
            Reconnect with Last-Event-ID to get what arrived meanwhile; a comment line keeps idle connections open.""")
    @APIResponse(responseCode = "200", description = "An endless stream of \"notification\" events",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = InboxItemView.class)))
    public Multi<OutboundSseEvent> stream(@Context HttpServerResponse response,
            @Parameter(description = "Id of the last item received; the stream resumes after it")
            @HeaderParam("Last-Event-ID") String lastEventId) {
        String tenant = caller.requireTenant();
        String subject = caller.subject();
        AtomicReference<UUID> last = new AtomicReference<>(start(lastEventId));
        AtomicInteger idle = new AtomicInteger();
        Multi<OutboundSseEvent> stream = Multi.createFrom().ticks().every(poll)
                .onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(tick -> {
                    List<OutboundSseEvent> events = new ArrayList<>();
                    for (InboxItemView item : inbox.since(tenant, subject, last.get(), BATCH)) {
                        events.add(sse.newEventBuilder().name("notification").id(item.id().toString())
                                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(InboxItemView.class, item).build());
                        last.set(item.id());
                    }
                    if (events.isEmpty() && idle.incrementAndGet() >= heartbeatEvery) {
                        events.add(sse.newEventBuilder().comment("keep-alive").build());
                    }
                    if (!events.isEmpty()) {
                        idle.set(0);
                    }
                    return events;
                })
                .onItem().<OutboundSseEvent>disjoint();
        // nginx (the gateway) would buffer the stream and deliver events in lumps: this answer opts out.
        response.putHeader("X-Accel-Buffering", "no");
        return stream;
    }

    private UUID start(String lastEventId) {
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                return UUID.fromString(lastEventId.trim());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("Last-Event-ID", "must be the id of an event this stream sent");
            }
        }
        return inbox.newestId().orElse(new UUID(0, 0));
    }
}
