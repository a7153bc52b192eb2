package io.partnerplan.notification;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server (GreenMail) on a free port for the whole test run; the mailer is pointed at it
 * through a {@link LateSmtpRelay} (inject it the same way to make one acceptance arrive late).
 * A test gets the server with {@code @SmtpServer.Inject GreenMail smtp;} to read what arrived, or to
 * stop and start it to play an outage.
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    private GreenMail greenMail;
    private LateSmtpRelay relay;

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        try {
            relay = new LateSmtpRelay(port);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // The mailer talks to GreenMail through the relay, so a test can make an acceptance arrive late.
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(relay.port()),
                "quarkus.mailer.mock", "false");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(greenMail, new TestInjector.AnnotatedAndMatchesType(Inject.class, GreenMail.class));
        injector.injectIntoFields(relay, new TestInjector.AnnotatedAndMatchesType(Inject.class, LateSmtpRelay.class));
    }

    @Override
    public void stop() {
        if (relay != null) {
            try {
                relay.close();
            } catch (IOException e) {
                // the JVM ends anyway
            }
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
