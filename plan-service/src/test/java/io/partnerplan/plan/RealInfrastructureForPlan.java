package io.partnerplan.plan;

import io.partnerplan.platform.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every test of this module runs on real PostgreSQL (database {@code plan}) and the real Kafka broker. */
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "plan"))
public final class RealInfrastructureForPlan {

    private RealInfrastructureForPlan() {
    }
}
