package io.partnerplan.plan.organisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.validation.Dates;

/**
 * The rules of a partner profile beyond one field's own: a tier belongs to the programme named with it,
 * a list names each value once (ignoring case), a certification's expiry is a real date. Every broken
 * rule is reported at once, each naming its field.
 */
public final class PartnerProfileRules {

    private PartnerProfileRules() {
    }

    /** A profile as it is kept: text stripped, absent lists empty. */
    public record Profile(UUID programmeId, String tier, PartnerType partnerType, List<String> regions, List<String> segments,
                          List<String> specialisations, List<Certification> certifications, Integer headcount) {

        static Profile of(PartnerProfile p) {
            return new Profile(p.programmeId, p.tier, p.partnerType, List.copyOf(p.regions), List.copyOf(p.segments),
                    List.copyOf(p.specialisations), List.copyOf(p.certifications), p.headcount);
        }
    }

    /**
     * @param field   the request's name for the profile ({@code partnerProfile}), prefixed to every error
     * @param tiersOf the tier codes of a programme of the tenant, empty when it has none by that id
     * @throws ProblemException 400 naming every field that breaks a rule
     */
    public static Profile check(PartnerProfileRequest request, String field, Function<UUID, Optional<List<String>>> tiersOf) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.tier() != null && request.programmeId() == null) {
            errors.add(new Problem.FieldError(field + ".tier", "requires programmeId: a tier is a tier of a programme"));
        }
        if (request.programmeId() != null) {
            Optional<List<String>> tiers = tiersOf.apply(request.programmeId());
            if (tiers.isEmpty()) {
                errors.add(new Problem.FieldError(field + ".programmeId", "is not a programme of your tenant"));
            } else if (request.tier() != null && !tiers.get().contains(request.tier())) {
                errors.add(new Problem.FieldError(field + ".tier", "is not a tier of the programme (its tiers: "
                        + String.join(", ", tiers.get()) + ")"));
            }
        }
        List<String> regions = distinct(request.regions(), field + ".regions", errors);
        List<String> segments = distinct(request.segments(), field + ".segments", errors);
        List<String> specialisations = distinct(request.specialisations(), field + ".specialisations", errors);
        List<Certification> certifications = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        List<Certification> given = request.certifications() == null ? List.of() : request.certifications();
        for (int i = 0; i < given.size(); i++) {
            Certification c = given.get(i);
            String name = c.name().strip();
            Integer first = names.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
            if (first != null) {
                errors.add(new Problem.FieldError(field + ".certifications[" + i + "].name", "repeats certifications[" + first + "]"));
            }
            if (c.expiresOn() != null && !Dates.inRange(c.expiresOn())) {
                errors.add(new Problem.FieldError(field + ".certifications[" + i + "].expiresOn", Dates.RULE));
            }
            certifications.add(new Certification(name, c.holders(), c.expiresOn()));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Request is not valid",
                    errors.size() + " rule(s) of the partner profile broken: "
                            + String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList()), errors);
        }
        return new Profile(request.programmeId(), request.tier(), request.partnerType(), regions, segments, specialisations,
                List.copyOf(certifications), request.headcount());
    }

    private static List<String> distinct(List<String> values, String field, List<Problem.FieldError> errors) {
        if (values == null) {
            return List.of();
        }
        List<String> kept = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i).strip();
            Integer first = seen.putIfAbsent(value.toLowerCase(Locale.ROOT), i);
            if (first != null) {
                errors.add(new Problem.FieldError(field + "[" + i + "]", "repeats " + field.substring(field.lastIndexOf('.') + 1)
                        + "[" + first + "]"));
            } else {
                kept.add(value);
            }
        }
        return List.copyOf(kept);
    }
}
