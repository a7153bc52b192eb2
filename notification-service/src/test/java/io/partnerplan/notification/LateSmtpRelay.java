package io.partnerplan.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A pass-through TCP relay in front of the test's SMTP server that can answer one message late: the SMTP
 * server has the message (it is in its mailbox) but its "250 OK" reaches the mailer only after a delay,
 * as a slow relay that accepts after the sender's timeout would. Everything else passes at once.
 */
public final class LateSmtpRelay implements AutoCloseable {

    private static final byte[] END_OF_DATA = "\r\n.\r\n".getBytes();

    private final ServerSocket server;
    private final int upstreamPort;
    private final AtomicLong lateByMillis = new AtomicLong();
    private final AtomicReference<String> lateFor = new AtomicReference<>();

    public LateSmtpRelay(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("late-smtp-relay").start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The acceptance of the next message to {@code recipient} reaches the mailer {@code delay} late (once). */
    public void acceptNextMessageLate(String recipient, Duration delay) {
        lateFor.set(recipient);
        lateByMillis.set(delay.toMillis());
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream;
                try {
                    upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                } catch (IOException down) {
                    client.close(); // the SMTP server is down: so is the relay
                    continue;
                }
                AtomicReference<Long> delayReply = new AtomicReference<>(0L);
                Thread.ofVirtual().start(() -> pump(client, upstream, delayReply, true));
                Thread.ofVirtual().start(() -> pump(upstream, client, delayReply, false));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Copies {@code from} to {@code to}; client to server it watches for a message's end, server to client it delays the reply. */
    private void pump(Socket from, Socket to, AtomicReference<Long> delayReply, boolean fromClient) {
        byte[] buffer = new byte[8192];
        byte[] tail = new byte[0];
        StringBuilder envelope = new StringBuilder(); // what the client sent since its last message ended
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (fromClient) {
                    byte[] seen = new byte[tail.length + n];
                    System.arraycopy(tail, 0, seen, 0, tail.length);
                    System.arraycopy(buffer, 0, seen, tail.length, n);
                    if (envelope.length() < 100_000) {
                        envelope.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1));
                    }
                    if (indexOf(seen, END_OF_DATA) >= 0) {
                        String recipient = lateFor.get();
                        if (recipient != null && envelope.indexOf("RCPT TO:<" + recipient + ">") >= 0
                                && lateFor.compareAndSet(recipient, null)) {
                            delayReply.set(lateByMillis.getAndSet(0)); // before the server can answer it
                        }
                        envelope.setLength(0);
                    }
                    tail = java.util.Arrays.copyOfRange(seen, Math.max(0, seen.length - END_OF_DATA.length + 1), seen.length);
                } else {
                    long delay = delayReply.getAndSet(0L);
                    if (delay > 0) {
                        Thread.sleep(delay);
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side closed: the try closes the other
        }
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
