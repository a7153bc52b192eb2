package io.partnerplan.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.partnerplan.platform.testing.KafkaProbe;
import io.partnerplan.platform.testing.Repository;
import io.restassured.RestAssured;

/**
 * The built services behind the real gateway, on the build's PostgreSQL and Kafka: started once for
 * all end-to-end tests of this JVM ({@code scripts/stack up --name e2e}) and stopped when it exits.
 */
final class E2eStack {

    /** The stack's port base ({@code PP_PORT_BASE}, as scripts/stack reads it): the gateway listens on it. */
    static final int GATEWAY = Integer.parseInt(System.getenv().getOrDefault("PP_PORT_BASE", "18080"));
    private static final List<String> SERVICES = List.of("plan-service", "kpi-service", "calendar-service", "notification-service");
    private static boolean up;

    private E2eStack() {
    }

    static synchronized void ensureUp() throws IOException, InterruptedException {
        if (!up) {
            run("up");
            // PP_E2E_KEEP_STACK=1 leaves it running for the next run (scripts/stack down --name e2e stops it).
            if (!"1".equals(System.getenv("PP_E2E_KEEP_STACK"))) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        run("down");
                    } catch (Exception e) {
                        // The JVM is exiting; scripts/stack down can be run by hand.
                    }
                }));
            }
            requireServicesOnTheTestsKafka();
            up = true;
        }
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = GATEWAY;
        ApiContract.installFilter();
    }

    /**
     * Every service of the stack reaches Kafka through the listener the tests use, with the same
     * security protocol ({@code PP_KAFKA_SASL=1}: SASL_SSL): a stack that silently fell back to the
     * plain listener (or spoke TLS to it) would make the SASL_SSL pass prove nothing, or fail far
     * from its cause. scripts/stack records each service's settings in {@code .stack/e2e/<service>.kafka}.
     */
    static void requireServicesOnTheTestsKafka() throws IOException {
        String bootstrap = KafkaProbe.bootstrap();
        String protocol = System.getenv().getOrDefault("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        String expected = "bootstrap=" + bootstrap + "\nsecurity.protocol=" + protocol + "\n";
        List<String> wrong = new ArrayList<>();
        for (String service : SERVICES) {
            Path recorded = Repository.root().resolve(".stack/e2e/" + service + ".kafka");
            String actual = Files.exists(recorded) ? Files.readString(recorded) : "(nothing recorded)";
            if (bootstrap != null && !actual.equals(expected)) {
                wrong.add(service + ": " + actual.strip().replace('\n', ' '));
            }
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("The e2e stack's services do not use the tests' Kafka listener ("
                    + expected.strip().replace('\n', ' ') + "): " + wrong);
        }
    }

    private static void run(String command) throws IOException, InterruptedException {
        Path repo = Repository.root();
        Path log = repo.resolve(".stack/e2e-" + command + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder("bash", repo.resolve("scripts/stack").toString(), command,
                "--name", "e2e", "--no-build", "--no-demo")
                .directory(repo.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(4, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("scripts/stack " + command + " failed:\n" + Files.readString(log));
        }
    }
}
