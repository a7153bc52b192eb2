package io.partnerplan.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real PostgreSQL and Kafka for {@code @QuarkusTest}s. The README's test command starts them once
 * per build and exports {@code PP_PG_HOST_PORT} and {@code PP_KAFKA_BOOTSTRAP}; when those are
 * absent (one module or one test run from an IDE), this resource starts its own with
 * {@code scripts/infra up --profile test} and stops them when the tests end.
 * <p>
 * Init arg {@code database}: the service's database ({@code plan}, {@code kpi}, ...); its role and
 * password have the same name.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database;
    private boolean startedHere;
    private Path repo;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "plan");
    }

    @Override
    public Map<String, String> start() {
        String pg = System.getenv("PP_PG_HOST_PORT");
        String kafka = System.getenv("PP_KAFKA_BOOTSTRAP");
        if (pg == null || kafka == null) {
            repo = Repository.root();
            Properties env = new Properties();
            try {
                startedHere = !isUp();
                run("up");
                try (var in = Files.newBufferedReader(repo.resolve(".infra/test/env"))) {
                    env.load(in);
                }
            } catch (IOException e) {
                throw new IllegalStateException("Could not start the test infrastructure", e);
            }
            pg = env.getProperty("PP_PG_HOST_PORT");
            kafka = env.getProperty("PP_KAFKA_BOOTSTRAP");
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + pg + "/" + database);
        config.put("quarkus.datasource.username", database);
        config.put("quarkus.datasource.password", database);
        config.put("kafka.bootstrap.servers", kafka);
        System.setProperty("partnerplan.test.kafka", kafka);
        return config;
    }

    @Override
    public void stop() {
        if (startedHere) {
            run("down");
        }
    }

    private boolean isUp() {
        return Files.exists(repo.resolve(".infra/test/env")) && run("status") == 0;
    }

    private int run(String command) {
        try {
            Path log = repo.resolve(".infra/test-resource.log");
            Files.createDirectories(log.getParent());
            // Output goes to a file: inheriting the console would corrupt Surefire's channel.
            Process p = new ProcessBuilder("bash", repo.resolve("scripts/infra").toString(), command, "--profile", "test")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("scripts/infra " + command + " timed out; see " + log);
            }
            if (p.exitValue() != 0 && !command.equals("status")) {
                throw new IllegalStateException("scripts/infra " + command + " failed; see " + log);
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
