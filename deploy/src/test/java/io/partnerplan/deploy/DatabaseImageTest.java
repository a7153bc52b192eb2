package io.partnerplan.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Production runs the PostgreSQL major the tests run on (scripts/infra's pg_major), from CNPG's
 * current image families (minimal or standard, not the legacy "system" image with Barman inside),
 * pinned by digest.
 */
class DatabaseImageTest {

    private static final Pattern CNPG_IMAGE = Pattern.compile(
            "ghcr\\.io/cloudnative-pg/postgresql:(\\d+)\\.\\d+(?:-\\d{12})?-(minimal|standard|system)-[a-z]+(@sha256:[0-9a-f]{64})?");

    static List<String> overlays() {
        return Repo.OVERLAYS;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDatabaseRunsTheTestedMajorOnACurrentImage(String overlay) throws IOException {
        String tested = testedMajor();
        List<JsonNode> clusters = Rendered.ofKind(Rendered.overlay(overlay), "Cluster");
        assertEquals(Repo.SERVICES.size(), clusters.size(), "one CNPG Cluster per service");
        for (JsonNode cluster : clusters) {
            String image = cluster.path("spec").path("imageName").asText();
            Matcher m = CNPG_IMAGE.matcher(image);
            assertTrue(m.matches(), Rendered.id(cluster) + ": a CloudNativePG PostgreSQL image, got " + image);
            assertEquals(tested, m.group(1), Rendered.id(cluster) + ": PostgreSQL major the tests run on (scripts/infra pg_major)");
            assertFalse(m.group(2).equals("system"), Rendered.id(cluster) + ": the legacy system image: use minimal or standard");
            assertTrue(m.group(3) != null, Rendered.id(cluster) + ": image pinned by digest, got " + image);
        }
    }

    static String testedMajor() throws IOException {
        Matcher m = Pattern.compile("(?m)^pg_major=(\\d+)$").matcher(Files.readString(Repo.root().resolve("scripts/infra")));
        assertTrue(m.find(), "scripts/infra declares pg_major=<major>");
        return m.group(1);
    }
}
