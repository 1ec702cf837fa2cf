package org.scanstation.scan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scanstation.scan.driver.escl.EsclDriver;

/** OkHttp stays inside the eSCL driver; JFreeSane inside the SANE driver; JNA inside the TWAIN driver; no console output. */
class ScanLayeringTest {

    private static JavaClasses scan;

    /** Imports only the compiled scan classes, without resolving every dependency from the classpath (~20 s). */
    @BeforeAll
    static void importScanClasses() {
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            scan = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPath(Path.of("target/classes/org/scanstation/scan"));
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    @Test
    void okHttpOnlyInTheEsclDriver() {
        // the import sees library dependencies (else the rule below could not fail)
        assertThat(scan.get(EsclDriver.class).getDirectDependenciesFromSelf())
                .anyMatch(d -> d.getTargetClass().getPackageName().equals("okhttp3"));
        noClasses().that().resideOutsideOfPackage("org.scanstation.scan.driver.escl..")
                .should().dependOnClassesThat().resideInAPackage("okhttp3..").check(scan);
    }

    @Test
    void jfreesaneOnlyInTheSaneDriver() {
        noClasses().that().resideOutsideOfPackage("org.scanstation.scan.driver.sane..")
                .should().dependOnClassesThat().resideInAPackage("au.com.southsky..").check(scan);
    }

    @Test
    void jnaOnlyInTheTwainDriver() {
        noClasses().that().resideOutsideOfPackage("org.scanstation.scan.driver.twain..")
                .should().dependOnClassesThat().resideInAPackage("com.sun.jna..").check(scan);
    }

    @Test
    void noConsoleOutputAndNoUiToolkits() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(scan);
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "picocli..").check(scan);
    }
}
