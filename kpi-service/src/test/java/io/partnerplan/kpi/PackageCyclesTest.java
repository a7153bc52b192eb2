package io.partnerplan.kpi;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.testing.PackageCycles;

/** No package cycle inside kpi-service: a feature others build on does not reach back into them. */
class PackageCyclesTest {

    @Test
    void packagesFormNoCycle() {
        PackageCycles.assertNone("io.partnerplan.kpi");
    }
}
