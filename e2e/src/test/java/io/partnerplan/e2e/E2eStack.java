package io.partnerplan.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.partnerplan.platform.testing.Repository;
import io.restassured.RestAssured;

/**
 * The built services behind the real gateway, on the build's PostgreSQL and Kafka: started once for
 * all end-to-end tests of this JVM ({@code scripts/stack up --name e2e}) and stopped when it exits.
 */
final class E2eStack {

    /** The stack's port base ({@code PP_PORT_BASE}, as scripts/stack reads it): the gateway listens on it. */
    static final int GATEWAY = Integer.parseInt(System.getenv().getOrDefault("PP_PORT_BASE", "18080"));
    private static boolean up;

    private E2eStack() {
    }

    static synchronized void ensureUp() throws IOException, InterruptedException {
        if (!up) {
            run("up");
            up = true;
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
        }
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = GATEWAY;
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
