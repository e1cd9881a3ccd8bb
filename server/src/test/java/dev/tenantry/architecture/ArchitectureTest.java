package dev.tenantry.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering rules of CONVENTIONS.md §2 and docs/architecture.md, checked on the compiled main classes. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tenantry");

    /** The domain, subpackages included (directory/users, identity/grants…); their storage adapters are not. */
    private static final String[] DOMAIN = {
        "dev.tenantry.shared..",
        "dev.tenantry.directory..",
        "dev.tenantry.access..",
        "dev.tenantry.subscriptions..",
        "dev.tenantry.identity..",
        "dev.tenantry.jobs.."
    };

    /** The surfaces Microsoft's clients speak to: the identity platform, Microsoft Graph, Azure Resource Manager. */
    private static final String[] PROTOCOL_SURFACES = {
        "dev.tenantry.entra..", "dev.tenantry.graph..", "dev.tenantry.arm.."
    };

    private static final String[] SURFACES = {
        "..http..",
        "dev.tenantry.entra..",
        "dev.tenantry.graph..",
        "dev.tenantry.arm..",
        "dev.tenantry.pages..",
        "dev.tenantry.web.."
    };

    @Test
    void domainKnowsNoHttpSqlOrJson() {
        noClasses()
                .that()
                .resideInAnyPackage(DOMAIN)
                .and()
                .resideOutsideOfPackages("..storage..", "..http..")
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
                .resideInAnyPackage(SURFACES)
                .check(MAIN);
    }

    @Test
    void surfacesReceiveServicesNotRepositories() {
        noClasses()
                .that()
                .resideInAnyPackage(SURFACES)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..storage..")
                .check(MAIN);
    }

    @Test
    void protocolSurfacesOwnTheirWireShapes() {
        noClasses()
                .that()
                .resideInAnyPackage(PROTOCOL_SURFACES)
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

    /**
     * A feature's root package holds its vocabulary (records, ports, codes, authorization); each subpackage holds the
     * use cases of one concept and reaches the others only through that vocabulary (docs/architecture.md).
     */
    @Test
    void directoryConceptsDependOnlyOnTheDirectoryVocabulary() {
        slices().matching("dev.tenantry.directory.(*)..")
                .should()
                .notDependOnEachOther()
                .ignoreDependency(resideInAPackage("dev.tenantry.directory.storage.."), alwaysTrue())
                .check(MAIN);
        noClasses()
                .that()
                .resideInAPackage("dev.tenantry.directory")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.tenantry.directory.apps..",
                        "dev.tenantry.directory.tenants..",
                        "dev.tenantry.directory.users..",
                        "dev.tenantry.directory.roles..",
                        "dev.tenantry.directory.credentials..")
                .check(MAIN);
    }

    @Test
    void featuresAreFreeOfCycles() {
        slices().matching("dev.tenantry.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
