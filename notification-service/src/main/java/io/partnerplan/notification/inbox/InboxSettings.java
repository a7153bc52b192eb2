package io.partnerplan.notification.inbox;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code partnerplan.inbox.*}: the live inbox streams (Server-Sent Events). */
@ConfigMapping(prefix = "partnerplan.inbox")
public interface InboxSettings {

    /** How often an idle stream gets a comment line, so that proxies keep it open. */
    @WithDefault("20s")
    Duration streamHeartbeat();

    /** How many streams one person may have open at once on one replica (429 beyond). */
    @WithDefault("3")
    int maxStreamsPerPerson();

    /**
     * Where the listening connection goes, the service's database by default. LISTEN needs a session of
     * its own: behind a transaction-pooling PgBouncer, point it at the database itself.
     */
    Optional<String> listenJdbcUrl();
}
