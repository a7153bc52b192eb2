package io.partnerplan.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.partnerplan.platform.testing.Repository;

/** Lints the merged document with Redocly CLI (from npm, installed under .infra/tools on first use). */
final class OpenApiLint {

    static final String REDOCLY_VERSION = "2.77.0";

    private OpenApiLint() {
    }

    static List<String> check(Path document) throws IOException {
        Path repo = Repository.root();
        Path tools = repo.resolve(".infra/tools/redocly-" + REDOCLY_VERSION);
        Path cli = tools.resolve("node_modules/.bin/redocly");
        if (!Files.isExecutable(cli)) {
            run(repo, tools.resolve("install.log"), "npm", "install", "--no-audit", "--no-fund", "--prefix",
                    tools.toString(), "@redocly/cli@" + REDOCLY_VERSION);
        }
        Path log = tools.resolve("lint.log");
        int exit = run(repo, log, cli.toString(), "lint", "--config", repo.resolve("docs/redocly.yaml").toString(),
                document.toString());
        List<String> problems = new ArrayList<>();
        if (exit != 0) {
            problems.add("redocly lint failed:\n" + Files.readString(log));
        }
        return problems;
    }

    private static int run(Path dir, Path log, String... command) throws IOException {
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " timed out; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (process.exitValue() != 0 && command[0].equals("npm")) {
            throw new IOException("npm install failed: " + Files.readString(log));
        }
        return process.exitValue();
    }
}
