package io.partnerplan.kpi.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.problem.ProblemException;

/** Who may write and correct what: the rules of {@link Provenance}, without a database. */
class ProvenanceTest {

    private final UUID vendor = UUID.randomUUID();
    private final UUID partner = UUID.randomUUID();

    private static Measurement writtenBy(String source, UUID organisation) {
        Measurement m = new Measurement();
        m.id = UUID.randomUUID();
        m.source = source;
        m.organisationId = organisation;
        return m;
    }

    private static int statusOf(Runnable check) {
        try {
            check.run();
            return 0;
        } catch (ProblemException e) {
            return e.status();
        }
    }

    @Test
    void aBodyMayRepeatTheTokensSourceButNeverClaimAnother() {
        Provenance person = new Provenance(Provenance.MANUAL, partner);
        Provenance client = new Provenance("contoso-crm", vendor);
        assertThatCode(() -> person.requireClaimed(null)).doesNotThrowAnyException();
        assertThatCode(() -> person.requireClaimed("MANUAL")).doesNotThrowAnyException();
        assertThatCode(() -> client.requireClaimed("contoso-crm")).doesNotThrowAnyException();
        assertThatThrownBy(() -> person.requireClaimed("contoso-crm")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("source"));
        });
        assertThatThrownBy(() -> client.requireClaimed("MANUAL")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> client.requireClaimed("CRM")).isInstanceOf(ProblemException.class);
    }

    @Test
    void onlyTheSourceAndOrganisationThatWroteAMeasurementCorrectIt() {
        Measurement byVendorClient = writtenBy("contoso-crm", vendor);
        Measurement byPartnerPeople = writtenBy(Provenance.MANUAL, partner);

        // A person never overwrites what an integration wrote, whichever organisation they belong to.
        assertThat(statusOf(() -> new Provenance(Provenance.MANUAL, partner).requireMayCorrect(byVendorClient))).isEqualTo(409);
        assertThat(statusOf(() -> new Provenance(Provenance.MANUAL, vendor).requireMayCorrect(byVendorClient))).isEqualTo(409);
        // Nor does another client, nor the same client id of another organisation.
        assertThat(statusOf(() -> new Provenance("contoso-prm", vendor).requireMayCorrect(byVendorClient))).isEqualTo(409);
        assertThat(statusOf(() -> new Provenance("contoso-crm", partner).requireMayCorrect(byVendorClient))).isEqualTo(409);
        assertThat(statusOf(() -> new Provenance("contoso-crm", vendor).requireMayCorrect(byVendorClient))).isZero();

        // What people entered: their organisation's people correct it; no client, no other organisation.
        assertThat(statusOf(() -> new Provenance(Provenance.MANUAL, partner).requireMayCorrect(byPartnerPeople))).isZero();
        assertThat(statusOf(() -> new Provenance(Provenance.MANUAL, vendor).requireMayCorrect(byPartnerPeople))).isEqualTo(409);
        assertThat(statusOf(() -> new Provenance("northwind-crm", partner).requireMayCorrect(byPartnerPeople))).isEqualTo(409);

        // Rows from before provenance came from tokens have no organisation: nobody corrects them.
        assertThat(statusOf(() -> new Provenance("CRM", partner).requireMayCorrect(writtenBy("CRM", null)))).isEqualTo(409);
    }

    @Test
    void theConflictNamesTheRule() {
        assertThatThrownBy(() -> new Provenance(Provenance.MANUAL, partner).requireMayCorrect(writtenBy("contoso-crm", vendor)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.slug()).isEqualTo("measurement-owned-by-its-source");
                    assertThat(e.getMessage()).contains("contoso-crm").contains("a person cannot overwrite what an integration wrote");
                });
    }
}
