package io.partnerplan.plan.member;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Invites someone of the inviter's own organisation who is not in the directory yet. */
@Schema(name = "InvitationRequest")
public record InvitationRequest(
        @NotBlank @Email @Size(max = 254) @Schema(description = "Whom the invitation is for: only a token with this email "
                + "claim (and the inviter's organisation) can accept it. It does not become anyone's address.",
                example = "nina@northwind.example") String email,
        @NotNull @Schema(example = "contributor") PlanRole role) {
}
