package org.scanstation.upload;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** OkHttp stays inside the CMIS implementation; the store knows nothing of uploads. */
class UploadLayeringTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.scanstation.store", "org.scanstation.upload");

    @Test
    void okHttpIsUsedOnlyByTheCmisClient() {
        noClasses().that().resideOutsideOfPackage("org.scanstation.upload.cmis..")
                .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "okio..", "kotlin..")
                .check(MAIN);
    }

    @Test
    void theStoreDoesNotDependOnUploading() {
        noClasses().that().resideInAPackage("org.scanstation.store..")
                .should().dependOnClassesThat().resideInAPackage("org.scanstation.upload..")
                .check(MAIN);
    }

    @Test
    void nothingPrintsToTheConsole() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(MAIN);
    }
}
