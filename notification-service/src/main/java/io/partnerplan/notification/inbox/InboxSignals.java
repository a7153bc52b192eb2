package io.partnerplan.notification.inbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells the open inbox streams of a person that something new is in their inbox: one connection per
 * replica LISTENs on {@code partnerplan_inbox} (notified by the inbox_item trigger when an item
 * commits, on whichever replica's consumer created it) and fans each notification out to the streams
 * of that tenant and recipient. No stream polls the database; a stream reads only when signalled.
 * When the listening connection is lost and comes back, every stream is signalled once, so nothing
 * notified meanwhile is missed. Also caps the open streams per person (per replica).
 */
@ApplicationScoped
public class InboxSignals {

    static final String CHANNEL = "partnerplan_inbox";
    private static final Logger LOG = Logger.getLogger(InboxSignals.class);

    private final String url;
    private final String user;
    private final String password;
    private final int maxStreamsPerPerson;
    private final Map<String, Set<Runnable>> streams = new ConcurrentHashMap<>();
    private volatile Thread listener;
    private volatile boolean stopped;

    /** The listening connection goes to {@link InboxSettings#listenJdbcUrl}, else to the service's own database. */
    public InboxSignals(InboxSettings settings,
                        @ConfigProperty(name = "quarkus.datasource.jdbc.url") String datasourceUrl,
                        @ConfigProperty(name = "quarkus.datasource.username") String user,
                        @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.url = settings.listenJdbcUrl().filter(u -> !u.isBlank()).orElse(datasourceUrl);
        this.user = user;
        this.password = password;
        this.maxStreamsPerPerson = settings.maxStreamsPerPerson();
    }

    /**
     * Registers a stream of {@code recipient}: {@code signal} runs (on the listener's thread; keep it
     * short) whenever the person's inbox may have a new item.
     *
     * @return false when the person already has the maximum of open streams here
     */
    public boolean open(String tenant, String recipient, Runnable signal) {
        startListening();
        boolean[] added = {false};
        streams.compute(key(tenant, recipient), (k, set) -> {
            Set<Runnable> open = set == null ? new CopyOnWriteArraySet<>() : set;
            if (open.size() < maxStreamsPerPerson) {
                added[0] = open.add(signal);
            }
            return open;
        });
        return added[0];
    }

    public void close(String tenant, String recipient, Runnable signal) {
        streams.computeIfPresent(key(tenant, recipient), (k, set) -> {
            set.remove(signal);
            return set.isEmpty() ? null : set;
        });
    }

    public int maxStreamsPerPerson() {
        return maxStreamsPerPerson;
    }

    private static String key(String tenant, String recipient) {
        return tenant + "\n" + recipient;
    }

    private synchronized void startListening() {
        if (listener == null && !stopped) {
            listener = Thread.ofPlatform().daemon().name("inbox-listener").start(this::listen);
        }
    }

    private void listen() {
        Duration backoff = Duration.ofMillis(500);
        boolean reconnected = false;
        while (!stopped) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                if (reconnected) {
                    // Notifications sent while nobody listened are gone: every stream looks once.
                    streams.values().forEach(set -> set.forEach(Runnable::run));
                }
                backoff = Duration.ofMillis(500);
                while (!stopped) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        Set<Runnable> open = streams.get(notification.getParameter());
                        if (open != null) {
                            open.forEach(Runnable::run);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (stopped) {
                    return;
                }
                LOG.warnf("Inbox listener lost its database connection (%s); listening again in %d ms", e.getMessage(),
                        backoff.toMillis());
                reconnected = true;
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
            }
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        Thread running = listener;
        if (running != null) {
            running.interrupt();
        }
    }
}
