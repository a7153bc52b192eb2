package io.partnerplan.kpi.measurement;

import java.util.UUID;

import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;

/**
 * Where a measurement comes from, decided by the server from the caller's verified token, never from
 * the request body: an integration client writes under its client id ({@link Caller#integrationClient()}),
 * a person under {@value #MANUAL}; both for their own organisation. An external id names a measurement
 * within its source and organisation, so two organisations (or two clients) never address each other's
 * rows, and a measurement is corrected only by the source and organisation that wrote it.
 */
public record Provenance(String source, UUID organisation) {

    /** The source of what people enter by hand. */
    public static final String MANUAL = "MANUAL";

    public static Provenance of(Caller caller) {
        return new Provenance(caller.integrationClient().orElse(MANUAL), caller.requireOrganisation());
    }

    public boolean integration() {
        return !MANUAL.equals(source);
    }

    /**
     * A body's {@code source} is accepted only when it says what the token says (clients written for
     * the time the body named the source keep working); any other value is refused, never taken.
     */
    public void requireClaimed(String claimedSource) {
        if (claimedSource != null && !claimedSource.equals(source)) {
            throw ProblemException.badRequest("source", "is decided by your token (" + source
                    + "); leave it out or send exactly that, a body cannot claim another source");
        }
    }

    /** The rule a correction of {@code m} by this caller breaks, as a 409 problem; nothing when it may correct it. */
    public void requireMayCorrect(Measurement m) {
        boolean writtenByIntegration = !MANUAL.equals(m.source);
        if (writtenByIntegration && !source.equals(m.source)) {
            throw owned(m, "was written by the integration client '" + m.source + "': "
                    + (integration() ? "another client" : "a person") + " cannot overwrite what an integration wrote; "
                    + "that client corrects it by sending its external id again");
        }
        if (!writtenByIntegration && integration()) {
            throw owned(m, "was entered by a person (MANUAL): an integration client records its own measurements and "
                    + "does not overwrite what people entered");
        }
        if (!organisation.equals(m.organisationId)) {
            throw owned(m, "was written by another organisation: only that organisation's people or client correct it");
        }
    }

    private static ProblemException owned(Measurement m, String rule) {
        return new ProblemException(409, "measurement-owned-by-its-source", "Only the measurement's source corrects it",
                "Measurement " + m.id + " " + rule);
    }
}
