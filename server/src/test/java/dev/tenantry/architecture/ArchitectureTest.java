package dev.tenantry.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering rules of CONVENTIONS.md §2, checked on the compiled main classes. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tenantry");

    private static final String[] DOMAIN = {
        "dev.tenantry.shared",
        "dev.tenantry.directory",
        "dev.tenantry.access",
        "dev.tenantry.subscriptions",
        "dev.tenantry.identity"
    };

    @Test
    void domainKnowsNoHttpSqlOrJson() {
        noClasses()
                .that()
                .resideInAnyPackage(DOMAIN)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.javalin..",
                        "org.jdbi..",
                        "java.sql..",
                        "javax.sql..",
                        "com.zaxxer..",
                        "org.flywaydb..",
                        "gg.jte..",
                        "picocli..",
                        "com.fasterxml.jackson..",
                        "org.eclipse.jetty..")
                .check(MAIN);
    }

    @Test
    void storageNeverReachesSurfaces() {
        noClasses()
                .that()
                .resideInAnyPackage("..storage..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..http..", "dev.tenantry.compat..", "dev.tenantry.pages..", "dev.tenantry.web..")
                .check(MAIN);
    }

    @Test
    void surfacesReceiveServicesNotRepositories() {
        noClasses()
                .that()
                .resideInAnyPackage("..http..", "dev.tenantry.compat..", "dev.tenantry.pages..", "dev.tenantry.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..storage..")
                .check(MAIN);
    }

    @Test
    void compatSurfacesOwnTheirWireShapes() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.tenantry.compat..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.tenantry.*.http..")
                .check(MAIN);
    }

    @Test
    void onlyTheCliDependsOnTheCompositionRoot() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.tenantry.app..", "dev.tenantry.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.tenantry.app..")
                .check(MAIN);
    }

    @Test
    void featuresAreFreeOfCycles() {
        slices().matching("dev.tenantry.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
