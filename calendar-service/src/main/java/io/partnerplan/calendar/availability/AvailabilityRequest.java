package io.partnerplan.calendar.availability;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AvailabilityRequest", description = "An out-of-office period; both dates inclusive, in the organisation's time zone")
public record AvailabilityRequest(
        @Size(max = 200) @Schema(description = "Who is away; the caller when absent. Someone else only for a vendor-manager, "
                + "partner-owner or tenant-admin, and only a person of the caller's own organisation (as its directory knows them)", example = "rep@northwind.test") String subject,
        @NotBlank @Size(max = 200) @Schema(description = "Who stands in meanwhile; not the person away",
                example = "deputy@northwind.test") String delegateSubject,
        @NotNull @Schema(example = "2026-12-18") LocalDate startsOn,
        @NotNull @Schema(example = "2026-12-31") LocalDate endsOn,
        @Size(max = 500) String note) {
}
