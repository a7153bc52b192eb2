package io.partnerplan.plan.template;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TemplateRequest", description = "Save a plan as a template")
public record TemplateRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Cloud reseller playbook") String name,
        @Size(max = 4000) String description,
        @NotNull @Schema(description = "The plan to save: its sections, objectives, action items and milestones") UUID planId) {
}
