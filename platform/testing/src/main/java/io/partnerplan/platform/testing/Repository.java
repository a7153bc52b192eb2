package io.partnerplan.platform.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root from a module's working directory. */
public final class Repository {

    private Repository() {
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("scripts/infra")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Not inside the PartnerPlan repository: " + Path.of("").toAbsolutePath());
    }
}
