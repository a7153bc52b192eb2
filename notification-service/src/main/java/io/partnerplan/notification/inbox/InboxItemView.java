package io.partnerplan.notification.inbox;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "InboxItem")
public record InboxItemView(UUID id, @Schema(example = "plan.created") String eventType, String title, String body,
                            @Schema(example = "/api/v1/plans/0190d3b2-8f6e-7a51-9c3e-1a2b3c4d5e6f") String link,
                            Instant createdAt, boolean read) {

    static InboxItemView of(InboxItem item) {
        return new InboxItemView(item.id, item.eventType, item.title, item.body, item.link, item.createdAt,
                item.readAt != null);
    }
}
