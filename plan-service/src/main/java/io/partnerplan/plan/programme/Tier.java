package io.partnerplan.plan.programme;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One tier of a programme: what a partner must reach to hold it, and what it gets. */
@Schema(name = "TierRequest", description = "A tier of the programme; tiers are listed from the entry tier up")
public record Tier(
        @NotBlank @Pattern(regexp = "[A-Z0-9]+(_[A-Z0-9]+)*", message = "must be upper-case letters and digits joined by _, such as GOLD")
        @Size(max = 40) @Schema(example = "GOLD") String code,
        @NotBlank @Size(max = 100) @Schema(example = "Gold") String name,
        @Size(max = 20) @Schema(description = "All must hold for a partner to qualify; none: every enrolled partner qualifies")
        List<@NotNull @Valid Requirement> requirements,
        @Valid Benefits benefits) {

    /** {@code revenue AT_LEAST 1000000 over the last 4 QUARTER}: a KPI's value over a window of closed periods. */
    @Schema(name = "TierRequirement")
    public record Requirement(
            @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by hyphens")
            @Size(max = 100) @Schema(description = "The KPI's key in kpi-service's library", example = "revenue") String kpi,
            @NotNull @Schema(example = "AT_LEAST") Comparison comparison,
            @NotBlank @Pattern(regexp = "-?\\d{1,16}(\\.\\d{1,4})?", message = "must be a decimal number with at most 4 decimals")
            @Schema(example = "1000000") String threshold,
            @NotNull @Min(1) @Max(12) @Schema(description = "How many of the last periods count", example = "4") Integer periods,
            @NotNull @Schema(example = "QUARTER") PeriodUnit periodUnit,
            @Size(max = 500) @Schema(example = "Revenue of at least 1M over the last four quarters") String description) {
    }

    /** How the KPI's value compares with the threshold. */
    @Schema(name = "TierComparison")
    public enum Comparison {
        AT_LEAST, AT_MOST
    }

    /** The periods a requirement's window counts in. */
    @Schema(name = "TierPeriodUnit")
    public enum PeriodUnit {
        MONTH, QUARTER, YEAR
    }

    /** What holding the tier gives the partner. */
    @Schema(name = "TierBenefits")
    public record Benefits(
            @Pattern(regexp = "\\d{1,3}(\\.\\d{1,2})?", message = "must be a percentage such as 12.5")
            @Schema(description = "Discount on the vendor's list price, in percent", example = "12.5") String discountPercent,
            @Valid @Schema(description = "Market development funds the partner may claim per year") Money mdfAllowance) {
    }

    @Schema(name = "Money")
    public record Money(
            @NotBlank @Pattern(regexp = "\\d{1,16}(\\.\\d{1,4})?", message = "must be a non-negative decimal number with at most 4 decimals")
            @Schema(example = "50000") String amount,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") @Schema(example = "USD") String currency) {
    }
}
