package poker.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every environment variable the configuration reads is documented in the README. */
class ReadmeVariablesTest {

    @Test
    void everyVariableIsInTheReadme() throws Exception {
        String readme = Files.readString(DeploymentConfig.ROOT.resolve("README.md"));
        Set<String> missing = new TreeSet<>();
        for (String variable : DeploymentConfig.variables()) {
            if (!java.util.regex.Pattern.compile("\\b" + variable + "\\b").matcher(readme).find()) {
                missing.add(variable);
            }
        }
        assertThat(missing).as("variables read by the configuration but not in the README").isEmpty();
    }
}
