package io.partnerplan.notification.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;

/**
 * POSTs to a webhook URL at an address the {@link UrlGuard} validated: the host is resolved once, every
 * address it resolves to is checked, and the connection goes to the first of them, while the Host header,
 * TLS SNI and certificate verification still use the URL's host name (Vert.x's
 * {@link RequestOptions#setServer}). A name re-pointed at a loopback or private address between the check
 * and the connection (DNS rebinding) is therefore never reached. No redirects are followed.
 * <p>
 * Connections are kept alive for {@code keepAlive} after an answer and reused by the next delivery to the
 * same endpoint: a delivery costs a request, not a TCP (and TLS) handshake and a close. The client's pool
 * is keyed by the (bare) address connected to as well as the host name, so a kept connection serves only
 * attempts whose check pinned that same address; a name that now resolves elsewhere gets a new
 * connection to the newly checked address. The keep-alive is short (below common servers' idle
 * timeouts, e.g. Node.js's 5 s), so a receiver rarely closes a connection just as it is reused. An
 * answer's body is read and dropped up to {@value #MAX_DRAINED_BODY} bytes; a longer one closes the
 * connection instead of letting an endpoint stream to us.
 */
final class PinnedHttp implements AutoCloseable {

    /** What an attempt came to: an HTTP status, or why there was none. */
    record Answer(Integer status, String error) {
    }

    /** What a receiver may send back in a body before the connection is closed rather than reused. */
    static final int MAX_DRAINED_BODY = 64 * 1024;
    /** Idle connections are closed after this (the default of {@code partnerplan.webhooks.keep-alive}). */
    static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(3);

    private final UrlGuard guard;
    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    /** Certificates are checked against the JVM's trust store. */
    PinnedHttp(Vertx vertx, UrlGuard guard, Duration connectTimeout, Duration readTimeout) {
        this(vertx, guard, connectTimeout, readTimeout, DEFAULT_KEEP_ALIVE, null);
    }

    /** {@code trust}: the certificates to trust instead of the JVM's trust store (tests with their own CA). */
    PinnedHttp(Vertx vertx, UrlGuard guard, Duration connectTimeout, Duration readTimeout, TrustOptions trust) {
        this(vertx, guard, connectTimeout, readTimeout, DEFAULT_KEEP_ALIVE, trust);
    }

    /** {@code keepAlive}: how long an idle connection is kept for the next delivery (zero: one connection per attempt). */
    PinnedHttp(Vertx vertx, UrlGuard guard, Duration connectTimeout, Duration readTimeout, Duration keepAlive, TrustOptions trust) {
        this.guard = guard;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        long keepAliveSeconds = keepAlive.toSeconds();
        HttpClientOptions options = new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                .setConnectTimeout((int) connectTimeout.toMillis()).setVerifyHost(true)
                .setKeepAlive(keepAliveSeconds > 0).setKeepAliveTimeout((int) Math.max(1, keepAliveSeconds))
                .setPipelining(false);
        if (trust != null) {
            options.setTrustOptions(trust);
        }
        this.client = vertx.createHttpClient(options);
    }

    /** Blocks (on a worker thread) until the endpoint answered, or the attempt failed or timed out. */
    Answer post(String url, Map<String, String> headers, String body) {
        UrlGuard.Checked checked = guard.check(url);
        if (checked.violation().isPresent()) {
            return new Answer(null, "url refused: " + checked.violation().get());
        }
        URI uri = URI.create(url);
        boolean tls = uri.getScheme().toLowerCase(Locale.ROOT).equals("https");
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        // The bare address, without the name it was resolved from: Vert.x's connection pool is keyed by the server
        // address (and a resolved InetAddress compares by its name there), so a kept-alive connection then serves
        // only attempts whose check pinned this same address.
        InetAddress pinned;
        try {
            pinned = InetAddress.getByAddress(checked.addresses().get(0).getAddress());
        } catch (java.net.UnknownHostException impossible) {
            return new Answer(null, "url refused: unusable address");
        }
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port).setSsl(tls)
                .setURI(path).setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(pinned, port)))
                .setFollowRedirects(false).setConnectTimeout(connectTimeout.toMillis()).setIdleTimeout(readTimeout.toMillis());
        headers.forEach(options::putHeader);
        Future<Integer> status = client.request(options)
                .compose(request -> request.send(body))
                .map(response -> {
                    // The answer's body is of no interest: it is dropped as it arrives (the connection goes back to
                    // the pool at its end), and a body longer than a receipt closes the connection instead.
                    int code = response.statusCode();
                    long[] read = { 0 };
                    try {
                        response.exceptionHandler(ignored -> {
                        });
                        response.handler(chunk -> {
                            read[0] += chunk.length();
                            if (read[0] > MAX_DRAINED_BODY) {
                                response.request().connection().close();
                            }
                        });
                    } catch (IllegalStateException ended) {
                        // The whole answer (a 204, a short receipt) had arrived already: nothing left to drop.
                    }
                    return code;
                });
        try {
            return new Answer(status.toCompletionStage().toCompletableFuture()
                    .get(connectTimeout.plus(readTimeout).toMillis() + 1000, TimeUnit.MILLISECONDS), null);
        } catch (TimeoutException e) {
            return new Answer(null, "no answer within " + readTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return new Answer(null, failure(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted (shutting down)");
        }
    }

    /**
     * What went wrong, in words that name no address, port or class: a delivery's lastError is shown to
     * the subscriber, and an exception's message ("Connection refused: /127.0.0.1:9") would make the
     * deliveries a port scanner of the networks around the service.
     */
    String failure(Throwable cause) {
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("timeout period") || cause instanceof java.util.concurrent.TimeoutException) {
            return "no answer within " + readTimeout.toMillis() + " ms";
        }
        if (cause instanceof io.netty.channel.ConnectTimeoutException || message.contains("connection timed out")) {
            return "connection failed: no connection within " + connectTimeout.toMillis() + " ms";
        }
        if (cause instanceof java.net.ConnectException || message.contains("connection refused")) {
            return "connection failed: refused";
        }
        if (cause instanceof javax.net.ssl.SSLException || message.contains("ssl") || message.contains("certificate")) {
            return "connection failed: TLS handshake failed";
        }
        if (cause instanceof java.net.SocketException || cause instanceof java.io.IOException) {
            return "connection failed: closed or reset";
        }
        return "request failed";
    }

    @Override
    public void close() {
        client.close();
    }
}
