package io.partnerplan.notification;

import io.partnerplan.platform.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Every test of this module runs on real PostgreSQL (database {@code notification}), the real Kafka
 * broker and a real SMTP server.
 */
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = SmtpServer.class, scope = TestResourceScope.GLOBAL)
public final class RealInfrastructureForNotification {

    private RealInfrastructureForNotification() {
    }
}
