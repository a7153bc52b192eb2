package io.partnerplan.plan.organisation;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A certification the partner holds with the vendor: how many of its people hold it, and until when. */
@Schema(name = "PartnerCertification")
public record Certification(
        @NotBlank @Size(max = 200) @Schema(example = "Contoso Cloud Architect") String name,
        @PositiveOrZero @Max(10_000_000) @Schema(description = "How many of the partner's people hold it", example = "4") Integer holders,
        @Schema(description = "The day it lapses unless renewed; absent when it does not expire", example = "2027-12-31")
        LocalDate expiresOn) {
}
