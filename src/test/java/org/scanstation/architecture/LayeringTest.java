package org.scanstation.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of the architecture, checked rather than hoped for. */
class LayeringTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.scanstation");
    }

    @Test
    void theCoreNeverKnowsJavaFx() {
        noClasses().that().resideOutsideOfPackages("org.scanstation.gui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void onlyTheCommandLineKnowsPicocli() {
        noClasses().that().resideOutsideOfPackages("org.scanstation.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void onlyProtocolAdaptersKnowOkHttp() {
        noClasses().that().resideOutsideOfPackages("org.scanstation.upload.cmis..", "org.scanstation.scan.driver.escl..")
                .should().dependOnClassesThat().resideInAnyPackage("okhttp3..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void onlyThePatientIndexStoreKnowsSql() {
        noClasses().that().resideOutsideOfPackages("org.scanstation.match.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void theCoreDoesNotKnowTheFaces() {
        noClasses().that().resideInAnyPackage("org.scanstation.model..", "org.scanstation.image..",
                        "org.scanstation.barcode..", "org.scanstation.ocr..", "org.scanstation.match..",
                        "org.scanstation.pipeline..", "org.scanstation.pdf..", "org.scanstation.store..",
                        "org.scanstation.upload..", "org.scanstation.scan..", "org.scanstation.export..",
                        "org.scanstation.intake..", "org.scanstation.station..")
                .should().dependOnClassesThat().resideInAnyPackage("org.scanstation.cli..", "org.scanstation.gui..")
                .check(classes);
    }

    /** The store keeps what it is given and the PDF writer writes what it is given: neither holds policy. */
    @Test
    void theStoreAndThePdfWriterKnowNoPipelinePolicy() {
        noClasses().that().resideInAnyPackage("org.scanstation.store..", "org.scanstation.pdf..")
                .should().dependOnClassesThat().resideInAnyPackage("org.scanstation.pipeline..",
                        "org.scanstation.intake..", "org.scanstation.export..", "org.scanstation.station..")
                .check(classes);
    }

    /** Pages are analysed and documents decided without knowing where they go. */
    @Test
    void thePipelineDoesNotKnowWhereDocumentsGo() {
        noClasses().that().resideInAnyPackage("org.scanstation.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage("org.scanstation.store..", "org.scanstation.pdf..",
                        "org.scanstation.intake..", "org.scanstation.export..", "org.scanstation.station..",
                        "org.scanstation.upload..")
                .check(classes);
    }

    /** One path from a page to a queued document: the station uses it, the command line and the station never copy it. */
    @Test
    void onlyTheWindowUsesTheStationAndNothingBelowKnowsIt() {
        noClasses().that().resideOutsideOfPackages("org.scanstation.station..", "org.scanstation.gui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.scanstation.station..")
                .check(classes);
        noClasses().that().resideInAnyPackage("org.scanstation.intake..", "org.scanstation.export..")
                .should().dependOnClassesThat().resideInAnyPackage("org.scanstation.station..", "org.scanstation.cli..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLinePrints() {
        noClasses().that().resideOutsideOfPackages("org.scanstation.cli..", "org.scanstation.samples..")
                .and().doNotHaveFullyQualifiedName("org.scanstation.Launcher")
                .and().haveSimpleNameNotEndingWith("Bench")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .check(classes);
    }
}
