package io.partnerplan.plan.organisation;

import java.util.Locale;

import io.partnerplan.platform.problem.ProblemException;

/**
 * The organisation list's filters, as an integrator asks for them: {@code kind}, {@code name}
 * (contains, ignoring case) and an external id ({@code externalSystem} with {@code externalId}).
 */
public record OrganisationFilter(OrganisationKind kind, String nameContains, String externalSystem, String externalId) {

    public static final OrganisationFilter NONE = new OrganisationFilter(null, null, null, null);

    /** Parses the query parameters with a 400 naming the parameter. */
    public static OrganisationFilter of(String kind, String name, String externalSystem, String externalId) {
        OrganisationKind parsedKind = null;
        if (kind != null && !kind.isBlank()) {
            try {
                parsedKind = OrganisationKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("kind", "must be one of " + java.util.Arrays.toString(OrganisationKind.values()));
            }
        }
        boolean system = externalSystem != null && !externalSystem.isBlank();
        boolean id = externalId != null && !externalId.isBlank();
        if (system != id) {
            throw ProblemException.badRequest(system ? "externalId" : "externalSystem",
                    "is required with " + (system ? "externalSystem" : "externalId"));
        }
        if (name != null && name.length() > 200) {
            throw ProblemException.badRequest("name", "must be at most 200 characters");
        }
        return new OrganisationFilter(parsedKind, name == null || name.isBlank() ? null : name.strip(),
                system ? externalSystem.strip() : null, id ? externalId.strip() : null);
    }
}
