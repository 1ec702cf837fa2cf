package org.scanstation.scan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** OkHttp stays inside the eSCL driver; JFreeSane inside the SANE driver; no console output. */
class ScanLayeringTest {

    private final JavaClasses scan = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.scanstation.scan");

    @Test
    void okHttpOnlyInTheEsclDriver() {
        noClasses().that().resideOutsideOfPackage("org.scanstation.scan.driver.escl..")
                .should().dependOnClassesThat().resideInAPackage("okhttp3..").check(scan);
    }

    @Test
    void jfreesaneOnlyInTheSaneDriver() {
        noClasses().that().resideOutsideOfPackage("org.scanstation.scan.driver.sane..")
                .should().dependOnClassesThat().resideInAPackage("au.com.southsky..").check(scan);
    }

    @Test
    void noConsoleOutputAndNoUiToolkits() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(scan);
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "picocli..").check(scan);
    }
}
