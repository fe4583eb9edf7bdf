package poker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain is pure Java: no framework, no I/O. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("poker");

    @Test
    void domainDoesNotDependOnPekko() {
        noClasses().that().resideInAPackage("poker.domain..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.pekko..")
                .check(classes);
    }

    @Test
    void domainDoesNotDependOnTheOuterLayers() {
        noClasses().that().resideInAPackage("poker.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "poker.table..", "poker.http..", "poker.readside..", "poker.user..", "poker.infra..",
                        "java.sql..", "javax.sql..", "java.net..")
                .check(classes);
    }
}
