package poker.domain.history;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A history is a pure function of the events and the context: no framework, no clock, no I/O. */
class HistoryIsPureTest {

    private final JavaClasses history = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("poker.domain.history");

    @Test
    void noPekkoNoClockNoIo() {
        noClasses().that().resideInAPackage("poker.domain.history..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.pekko..", "java.io..", "java.nio..",
                        "java.net..", "java.sql..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(history);
    }
}
