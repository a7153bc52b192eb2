package io.partnerplan.plan.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;

/**
 * The rules of a programme's tiers beyond one field's own: codes and names are unique, a tier states a
 * requirement once, a discount is at most 100 %, and climbing never gets easier: a higher tier asks at
 * least as much as the tier below of the same KPI over the same window ({@code AT_LEAST}: a threshold
 * no lower; {@code AT_MOST}: no higher). Every broken rule is reported at once, naming its field.
 */
public final class ProgrammeRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ProgrammeRules() {
    }

    /** The request's tiers as kept (text stripped, absent requirements empty), or 400 naming every broken rule. */
    public static List<Tier> check(ProgrammeRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Integer> codes = new HashMap<>();
        Map<String, Integer> names = new HashMap<>();
        /* The strictest threshold so far per KPI, comparison and window, with the tier that set it. */
        Map<String, Bound> bounds = new HashMap<>();
        List<Tier> kept = new ArrayList<>();
        for (int i = 0; i < request.tiers().size(); i++) {
            Tier tier = request.tiers().get(i);
            String at = "tiers[" + i + "]";
            Integer first = codes.putIfAbsent(tier.code(), i);
            if (first != null) {
                errors.add(new Problem.FieldError(at + ".code", "repeats tiers[" + first + "].code"));
            }
            String name = tier.name().strip();
            first = names.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
            if (first != null) {
                errors.add(new Problem.FieldError(at + ".name", "repeats tiers[" + first + "].name"));
            }
            List<Tier.Requirement> requirements = tier.requirements() == null ? List.of() : tier.requirements();
            Map<String, Integer> stated = new HashMap<>();
            Map<String, Bound> raised = new HashMap<>();
            for (int k = 0; k < requirements.size(); k++) {
                Tier.Requirement r = requirements.get(k);
                String key = r.kpi() + " " + r.comparison() + " " + r.periods() + " " + r.periodUnit();
                Integer same = stated.putIfAbsent(key, k);
                if (same != null) {
                    errors.add(new Problem.FieldError(at + ".requirements[" + k + "]", "repeats requirements[" + same + "]"));
                    continue;
                }
                BigDecimal threshold = new BigDecimal(r.threshold());
                Bound below = bounds.get(key);
                if (below != null) {
                    boolean easier = r.comparison() == Tier.Comparison.AT_LEAST
                            ? threshold.compareTo(below.threshold()) < 0
                            : threshold.compareTo(below.threshold()) > 0;
                    if (easier) {
                        errors.add(new Problem.FieldError(at + ".requirements[" + k + "].threshold", "must be "
                                + (r.comparison() == Tier.Comparison.AT_LEAST ? "at least " : "at most ")
                                + below.threshold().toPlainString() + ", what the lower tier " + below.tier() + " asks of " + r.kpi()
                                + " (tiers are listed from the entry tier up)"));
                    }
                }
                raised.put(key, new Bound(threshold, tier.code()));
            }
            bounds.putAll(raised);
            if (tier.benefits() != null && tier.benefits().discountPercent() != null
                    && new BigDecimal(tier.benefits().discountPercent()).compareTo(HUNDRED) > 0) {
                errors.add(new Problem.FieldError(at + ".benefits.discountPercent", "must be at most 100"));
            }
            kept.add(new Tier(tier.code(), name, List.copyOf(requirements.stream().map(ProgrammeRules::stripped).toList()),
                    tier.benefits()));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Request is not valid", errors.size() + " rule(s) of the programme's tiers "
                    + "broken: " + String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList()), errors);
        }
        return List.copyOf(kept);
    }

    private static Tier.Requirement stripped(Tier.Requirement r) {
        return new Tier.Requirement(r.kpi(), r.comparison(), r.threshold(), r.periods(), r.periodUnit(),
                r.description() == null || r.description().isBlank() ? null : r.description().strip());
    }

    private record Bound(BigDecimal threshold, String tier) {
    }
}
