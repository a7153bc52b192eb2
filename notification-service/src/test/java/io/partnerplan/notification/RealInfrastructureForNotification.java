package io.partnerplan.notification;

import io.partnerplan.platform.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every test of this module runs on real PostgreSQL (database {@code notification}) and the real Kafka broker. */
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
public final class RealInfrastructureForNotification {

    private RealInfrastructureForNotification() {
    }
}
