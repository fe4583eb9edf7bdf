package poker.domain.holdem;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine is a pure function of its inputs: no framework, no clock, no randomness, no I/O. */
class HoldemIsPureTest {

    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("poker.domain.holdem");

    @Test
    void noPekkoNoClockNoRandomnessNoIo() {
        noClasses().that().resideInAPackage("poker.domain.holdem..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.pekko..", "java.time..", "java.io..",
                        "java.nio..", "java.net..", "java.security..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .check(engine);
    }
}
