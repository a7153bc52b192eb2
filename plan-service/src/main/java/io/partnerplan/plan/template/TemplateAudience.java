package io.partnerplan.plan.template;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.plan.organisation.PartnerType;

/**
 * For which partners a template is the starting point of a new plan: those holding one of its tiers
 * and being one of its partner types (an empty list asks nothing of that side; both empty: the template
 * is nobody's default). Among several matching templates the one asking more (tier and type) wins over
 * one asking less, and the newest among equals.
 */
@Schema(name = "TemplateAudience")
public record TemplateAudience(@Schema(description = "Tier codes (any programme); empty: any tier") List<String> tiers,
                               @Schema(description = "Partner types; empty: any type") List<PartnerType> partnerTypes) {

    public static final TemplateAudience NOBODY = new TemplateAudience(List.of(), List.of());

    public boolean marked() {
        return !tiers.isEmpty() || !partnerTypes.isEmpty();
    }

    /** 0 when the template is not for this partner; else how much it asks of it (1: tier or type, 2: both). */
    public int fit(String tier, PartnerType type) {
        if (!marked()
                || (!tiers.isEmpty() && (tier == null || !tiers.contains(tier)))
                || (!partnerTypes.isEmpty() && (type == null || !partnerTypes.contains(type)))) {
            return 0;
        }
        return (tiers.isEmpty() ? 0 : 1) + (partnerTypes.isEmpty() ? 0 : 1);
    }

    /**
     * The best template for the partner among {@code candidates}, listed oldest first: the highest fit,
     * the newest among equals; empty when none fits.
     */
    public static <T> Optional<T> best(List<T> candidates, Function<T, TemplateAudience> audience, String tier, PartnerType type) {
        T best = null;
        int bestFit = 0;
        for (T candidate : candidates) {
            int fit = audience.apply(candidate).fit(tier, type);
            if (fit > 0 && fit >= bestFit) {
                best = candidate;
                bestFit = fit;
            }
        }
        return Optional.ofNullable(best);
    }
}
