package io.partnerplan.platform;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * No package cycle inside platform (the same rule as platform/testing's PackageCycles, which the
 * services use; platform cannot depend on its own testing module).
 */
class PackageCyclesTest {

    @Test
    void platformPackagesFormNoCycle() {
        JavaClasses main = new ClassFileImporter().importPath(Path.of("target", "classes"));
        SlicesRuleDefinition.slices().matching("io.partnerplan.platform.(*)..").should().beFreeOfCycles().check(main);
    }
}
