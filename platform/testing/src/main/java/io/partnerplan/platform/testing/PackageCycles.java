package io.partnerplan.platform.testing;

import java.nio.file.Path;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * The module rule "no package cycle inside a service" (docs/architecture.md, "How we write code
 * here"): every feature package under a module's root package is a slice, and no slice may reach
 * back to one that depends on it. Each module has a {@code PackageCyclesTest} calling this.
 */
public final class PackageCycles {

    private PackageCycles() {
    }

    /** @throws AssertionError listing each cycle between the packages directly under {@code rootPackage} */
    public static void assertNone(String rootPackage) {
        // The module's own compiled main classes (tests run in the module's directory): quick, and nothing else.
        // Cycles are between the module's own classes: no need to load every library class they mention.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        JavaClasses main = new ClassFileImporter().importPath(Path.of("target", "classes"));
        if (main.stream().noneMatch(c -> c.getPackageName().startsWith(rootPackage + "."))) {
            throw new AssertionError("no classes under " + rootPackage + " in target/classes: is the package name right?");
        }
        SlicesRuleDefinition.slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles().check(main);
    }
}
