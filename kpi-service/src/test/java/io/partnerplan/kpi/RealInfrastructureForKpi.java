package io.partnerplan.kpi;

import io.partnerplan.platform.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every test of this module runs on real PostgreSQL (database {@code kpi}) and the real Kafka broker. */
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "kpi"))
public final class RealInfrastructureForKpi {

    private RealInfrastructureForKpi() {
    }
}
