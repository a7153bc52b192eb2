package io.partnerplan.notification.inbox;

import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.quarkus.security.Authenticated;

@Path("/api/v1/notifications/inbox")
@Tag(name = "Inbox", description = "Your in-app notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class InboxResource {

    private final Inbox inbox;

    public InboxResource(Inbox inbox) {
        this.inbox = inbox;
    }

    @GET
    @Operation(summary = "Your notifications, newest first")
    public Page<InboxItemView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                    @QueryParam("unread") boolean unreadOnly) {
        return inbox.list(unreadOnly, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many of your notifications are unread")
    public UnreadCount unread() {
        return new UnreadCount(inbox.unreadCount());
    }

    @PUT
    @Path("/{id}/read")
    @Operation(summary = "Mark a notification read")
    public InboxItemView markRead(@PathParam("id") UUID id) {
        return inbox.markRead(id, true);
    }

    @DELETE
    @Path("/{id}/read")
    @Operation(summary = "Mark a notification unread again")
    public InboxItemView markUnread(@PathParam("id") UUID id) {
        return inbox.markRead(id, false);
    }

    public record UnreadCount(long unread) {
    }
}
