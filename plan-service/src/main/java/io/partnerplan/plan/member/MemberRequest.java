package io.partnerplan.plan.member;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.platform.validation.TimeZoneId;

@Schema(name = "MemberRequest")
public record MemberRequest(
        @NotBlank @Size(max = 200) @Schema(description = "The person's token subject", example = "paul.partner@northwind.example") String subject,
        @NotNull @Schema(description = "The vendor or the partner of this plan") UUID organisationId,
        @NotNull @Schema(example = "partner-owner") PlanRole role,
        @NotBlank @Size(max = 200) @Schema(example = "Paul Partner") String displayName,
        @NotBlank @Email @Size(max = 254) @Schema(example = "paul.partner@northwind.example") String email,
        @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be an IETF language tag such as en or de-CH")
        @Schema(example = "en-GB", description = "Language of the member's emails; the service's default when absent") String locale,
        @TimeZoneId @Schema(example = "Europe/London", description = "For quiet hours and digests; the organisation's when absent") String timeZone) {
}
