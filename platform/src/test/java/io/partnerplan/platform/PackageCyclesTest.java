package io.partnerplan.platform;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * No package cycle inside platform (the same rule as platform/testing's PackageCycles, which the
 * services use; platform cannot depend on its own testing module).
 */
class PackageCyclesTest {

    @BeforeAll
    static void onlyOwnClasses() {
        // Cycles are between the module's own classes: no need to load every library class they mention.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    }

    @Test
    void platformPackagesFormNoCycle() {
        JavaClasses main = new ClassFileImporter().importPath(Path.of("target", "classes"));
        SlicesRuleDefinition.slices().matching("io.partnerplan.platform.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void theRuleCatchesACycle() {
        JavaClasses sample = new ClassFileImporter().importPath(Path.of("target", "test-classes", "io", "partnerplan",
                "platform", "cyclesample"));
        AssertionError refused = assertThrows(AssertionError.class, () -> SlicesRuleDefinition.slices()
                .matching("io.partnerplan.platform.cyclesample.(*)..").should().beFreeOfCycles().check(sample));
        assertTrue(refused.getMessage().contains("Cycle detected"), refused.getMessage());
    }
}
