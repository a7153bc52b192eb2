package io.partnerplan.plan.funds;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a partner asks for; who asks and for which organisation come from the token, never from here. */
@Schema(name = "FundRequestRequest")
public record FundRequestRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Q2 cloud migration webinar series") String title,
        @Size(max = 4000) String description,
        @NotNull @Schema(description = "The plan's budget line the vendor funds that this draws on; its currency is the request's")
        UUID budgetId,
        @Size(max = 60) @Schema(description = "Key of the marketing or sales strategy of the plan the activity serves", example = "webinars")
        String strategyKey,
        @Size(max = 20) @Schema(description = "Objectives of the plan the activity serves") List<@NotNull UUID> objectiveIds,
        @NotNull @Schema(example = "2027-04-01") LocalDate startsOn,
        @NotNull @Schema(example = "2027-04-30") LocalDate endsOn,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") @Schema(example = "USD") String currency,
        @NotBlank @Pattern(regexp = FundRules.AMOUNT, message = FundRules.AMOUNT_RULE)
        @Schema(description = "The activity's whole cost, a decimal string", example = "10000") String totalCost,
        @NotBlank @Pattern(regexp = "\\d{1,3}(\\.\\d{1,2})?", message = "must be a percentage with at most 2 decimals")
        @Schema(description = "The vendor's share of the cost in percent (above 0, at most 100); the partner pays the rest", example = "50")
        String vendorSharePercent,
        @Size(max = 20) @Schema(description = "The results the activity is expected to bring (KPIs)")
        List<@NotNull @Valid ExpectedResultRequest> expectedResults) {

    @Schema(name = "FundExpectedResult", description = "A KPI of the tenant's library and the value the activity aims for")
    public record ExpectedResultRequest(
            @NotBlank @Size(max = 60) @Schema(example = "leads") String kpi,
            @NotBlank @Pattern(regexp = "-?\\d{1,16}(\\.\\d{1,4})?", message = "must be a decimal number with at most 4 decimals")
            @Schema(example = "120") String target) {
    }
}
