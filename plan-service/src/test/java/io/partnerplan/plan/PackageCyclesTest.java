package io.partnerplan.plan;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.testing.PackageCycles;

/** No package cycle inside plan-service: a feature others build on does not reach back into them. */
class PackageCyclesTest {

    @Test
    void packagesFormNoCycle() {
        PackageCycles.assertNone("io.partnerplan.plan");
    }
}
