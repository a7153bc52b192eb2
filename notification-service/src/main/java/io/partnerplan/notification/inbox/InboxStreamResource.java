package io.partnerplan.notification.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.http.HttpServerResponse;

/**
 * New inbox items as Server-Sent Events. A stream reads the caller's inbox only when {@link InboxSignals}
 * says something new arrived (PostgreSQL LISTEN/NOTIFY: the Kafka consumer that creates an item may run
 * on another replica than the one holding the connection), never on a timer. Each event's id is the item
 * id, so a client reconnecting with {@code Last-Event-ID} misses nothing. A stream lasts as long as the
 * token it was opened with: when the token expires it sends a {@code token-expired} event and ends, and
 * the client reconnects with a fresh token. A person has at most a few streams open.
 */
@Path("/api/v1/notifications/stream")
@Tag(name = "Inbox")
@Authenticated
public class InboxStreamResource {

    static final String TOKEN_EXPIRED = "token-expired";
    private static final int BATCH = 50;

    private final Inbox inbox;
    private final InboxSignals signals;
    private final Caller caller;
    private final JsonWebToken token;
    private final Sse sse;
    private final Clock clock;
    private final Duration heartbeat;

    public InboxStreamResource(Inbox inbox, InboxSignals signals, Caller caller, JsonWebToken token, Sse sse,
                               InboxSettings settings) {
        this.inbox = inbox;
        this.signals = signals;
        this.caller = caller;
        this.token = token;
        this.sse = sse;
        // A token's exp is real time, as the JWT verifier judges it: not the business clock (which a test may move on).
        this.clock = Clock.systemUTC();
        this.heartbeat = settings.streamHeartbeat();
    }

    @GET
    @Blocking // reads where the stream starts from the database
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Your new notifications as they arrive (text/event-stream)", description = """
            Each event is named "notification", its id is the inbox item id and its data the InboxItem as JSON.
            Reconnect with Last-Event-ID to get what arrived meanwhile; a comment line keeps idle connections open.
            The stream ends when the token it was opened with expires, after an event named "token-expired":
            reconnect with a fresh token (and Last-Event-ID). A person may have 3 streams open at once (429 beyond).""")
    @APIResponse(responseCode = "200", description = "A stream of \"notification\" events until the token expires",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = InboxItemView.class)))
    @APIResponse(responseCode = "429", description = "The caller has the maximum of streams open already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> stream(@Context HttpServerResponse response,
            @Parameter(description = "Id of the last item received; the stream resumes after it")
            @HeaderParam("Last-Event-ID") String lastEventId) {
        String tenant = caller.requireTenant();
        String subject = caller.subject();
        Duration lasts = Duration.between(clock.instant(), Instant.ofEpochSecond(token.getExpirationTime()));
        Stream stream = new Stream(tenant, subject, start(lastEventId));
        Runnable signal = stream::signal;
        if (!signals.open(tenant, subject, signal)) {
            throw new ProblemException(429, "too-many-streams", "Too many streams", "You have " + signals.maxStreamsPerPerson()
                    + " inbox streams open already; close one before opening another");
        }
        Multi<OutboundSseEvent> items = Multi.createFrom().<OutboundSseEvent>emitter(stream::attach);
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(heartbeat).onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        OutboundSseEvent expired = sse.newEventBuilder().name(TOKEN_EXPIRED).mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, "{\"detail\":\"Your token expired: reconnect with a fresh token and Last-Event-ID\"}").build();
        Multi<OutboundSseEvent> live = Multi.createBy().merging().streams(items, keepAlive)
                .select().first(lasts.isNegative() ? Duration.ZERO : lasts);
        // nginx (the gateway) would buffer the stream and deliver events in lumps: this answer opts out.
        response.putHeader("X-Accel-Buffering", "no");
        return Multi.createBy().concatenating().streams(live, Multi.createFrom().item(expired))
                .onTermination().invoke(() -> signals.close(tenant, subject, signal));
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

    /** One open stream: reads the person's new items when signalled, one read at a time, none missed. */
    private final class Stream {
        private final String tenant;
        private final String subject;
        private final AtomicBoolean asked = new AtomicBoolean();
        private UUID last;
        private volatile MultiEmitter<? super OutboundSseEvent> emitter;

        Stream(String tenant, String subject, UUID after) {
            this.tenant = tenant;
            this.subject = subject;
            this.last = after;
        }

        void attach(MultiEmitter<? super OutboundSseEvent> emitter) {
            this.emitter = emitter;
            signal(); // what arrived between the start id and now
        }

        /** From the listener's thread: the read itself runs on a worker. */
        void signal() {
            if (emitter != null && asked.compareAndSet(false, true)) {
                Infrastructure.getDefaultWorkerPool().execute(this::read);
            }
        }

        private synchronized void read() {
            asked.set(false);
            MultiEmitter<? super OutboundSseEvent> out = emitter;
            if (out == null || out.isCancelled()) {
                return;
            }
            try {
                java.util.List<InboxItemView> batch;
                do {
                    batch = inbox.since(tenant, subject, last, BATCH);
                    for (InboxItemView item : batch) {
                        out.emit(sse.newEventBuilder().name("notification").id(item.id().toString())
                                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(InboxItemView.class, item).build());
                        last = item.id();
                    }
                } while (batch.size() == BATCH && !out.isCancelled());
            } catch (RuntimeException e) {
                out.fail(e);
            }
        }
    }
}
