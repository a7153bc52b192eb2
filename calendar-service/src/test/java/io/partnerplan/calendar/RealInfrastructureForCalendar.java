package io.partnerplan.calendar;

import io.partnerplan.platform.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every test of this module runs on real PostgreSQL (database {@code calendar}) and the real Kafka broker. */
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "calendar"))
public final class RealInfrastructureForCalendar {

    private RealInfrastructureForCalendar() {
    }
}
