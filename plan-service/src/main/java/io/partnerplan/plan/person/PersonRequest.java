package io.partnerplan.plan.person;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.platform.validation.TimeZoneId;

/** What an organisation's integration client says about one of its people. */
@Schema(name = "PersonRequest")
public record PersonRequest(
        @NotBlank @Size(max = 200) @Schema(description = "The subject the person's tokens carry", example = "petra@northwind.example") String subject,
        @NotBlank @Size(max = 200) @Schema(example = "Petra Partner") String displayName,
        @Email @Size(max = 254) @Schema(example = "petra@northwind.example") String email,
        @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be an IETF language tag such as en or de-CH")
        @Schema(example = "en-GB") String locale,
        @TimeZoneId @Schema(example = "Europe/London") String timeZone) {
}
