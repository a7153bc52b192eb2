package io.partnerplan.plan.member;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Adds a person of the directory to a plan. Name, email, language and zone are the person's (from
 * their token or their organisation's sync), never the adder's to set: a body carrying them is refused
 * as any unknown property is (400 naming it).
 */
@Schema(name = "MemberRequest")
public record MemberRequest(
        @NotBlank @Size(max = 200) @Schema(description = "The person's subject in the directory (GET /api/v1/organisations/{id}/people)",
                example = "petra@northwind.example") String subject,
        @NotNull @Schema(example = "contributor") PlanRole role) {
}
