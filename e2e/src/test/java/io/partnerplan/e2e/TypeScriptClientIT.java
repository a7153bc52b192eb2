package io.partnerplan.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.Repository;
import io.restassured.http.ContentType;

/**
 * The front-end's view of the contract: e2e/typescript-client generates a client from
 * docs/openapi.yaml (openapi-typescript), type-checks it with strict null checks, and its typed
 * smoke script walks organisations, a plan and the inbox against this stack (openapi-fetch).
 */
class TypeScriptClientIT {

    private static final Path CLIENT = Repository.root().resolve("e2e/typescript-client");

    @BeforeAll
    static void stack() throws Exception {
        E2eStack.ensureUp();
    }

    @Test
    void theGeneratedClientCompilesStrictlyAndWalksTheThinSlice() throws Exception {
        npm("ci", "--no-audit", "--no-fund");
        npm("run", "generate");
        npm("run", "check");
        npm("run", "build");

        String tenant = "ts-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = DevTokens.token(tenant, null, Roles.TENANT_ADMIN);
        String vendor = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Contoso", "kind", "VENDOR", "timeZone", "Europe/London"))
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        String vm = DevTokens.tokenFor(tenant, UUID.fromString(vendor), "vm@contoso.test", Roles.VENDOR_MANAGER);

        String output = npm(Map.of("PP_GATEWAY_URL", "http://127.0.0.1:" + E2eStack.GATEWAY, "PP_ADMIN_TOKEN", admin,
                "PP_VENDOR_MANAGER_TOKEN", vm), "run", "smoke");
        assertTrue(output.contains("typescript client: partner"), output);
        assertTrue(output.contains("stale edit refused with 412"), output);
        System.out.println(output.lines().filter(l -> l.startsWith("typescript client:")).findFirst().orElse(output));
    }

    private static String npm(String... arguments) throws IOException, InterruptedException {
        return npm(Map.of(), arguments);
    }

    private static String npm(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        Path log = Repository.root().resolve("e2e/target/typescript-client-" + arguments[arguments.length - 1] + ".log");
        Files.createDirectories(log.getParent());
        String[] command = new String[arguments.length + 1];
        command[0] = "npm";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(CLIENT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("npm " + String.join(" ", arguments) + " timed out; see " + log);
        }
        String output = Files.readString(log);
        assertEquals(0, process.exitValue(), "npm " + String.join(" ", arguments) + " failed:\n" + output);
        return output;
    }
}
