package io.partnerplan.plan.review;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.plan.action.ActionRequest;

@Schema(name = "ReviewRequest", description = "A review the two sides held")
public record ReviewRequest(
        @Schema(description = "calendar-service's scheduled review (occurrence) this was; calendar closes the "
                + "plan's earliest open one when absent") UUID scheduledReviewId,
        @Schema(description = "Today when absent; never in the future", example = "2027-05-03") LocalDate heldOn,
        @NotNull @Size(min = 1, max = 50) @Schema(description = "Who took part: members' subjects or guests' names")
        List<@NotBlank @Size(max = 200) String> attendees,
        @Size(max = 20000) String notes,
        @Size(max = 50) List<@NotBlank @Size(max = 2000) String> decisions,
        @Size(max = 50) @Schema(description = "New action items agreed in the review, created with it")
        List<@NotNull @Valid ActionRequest> actions) {
}
