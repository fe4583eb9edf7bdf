package poker.deploy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigResolveOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the deployment files must agree with: the jar's configuration, as the code reads it. */
final class DeploymentConfig {

    /** The configuration files of the jar (application.conf and what it includes) and conf/. */
    private static final List<String> RESOURCES = List.of("application.conf", "poker.conf", "http.conf",
            "cluster.conf", "persistence.conf", "serialization.conf");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\??(POKER_[A-Z0-9_]+)}");

    static final Path ROOT = Path.of(System.getProperty("user.dir"));

    private DeploymentConfig() {
    }

    /** The jar's configuration with no environment variables (the defaults). */
    static Config defaults() {
        return ConfigFactory.parseResources("application.conf").withFallback(ConfigFactory.defaultReference())
                .resolve(ConfigResolveOptions.noSystem());
    }

    /** Every POKER_* environment variable the configuration reads (a ${?POKER_X} or ${POKER_X} in it). */
    static Set<String> variables() {
        Set<String> names = new TreeSet<>();
        for (String resource : RESOURCES) {
            try (InputStream in = DeploymentConfig.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new AssertionError("no " + resource + " on the classpath");
                }
                collect(new String(in.readAllBytes(), StandardCharsets.UTF_8), names);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (var files = Files.list(ROOT.resolve("conf"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".conf")).toList()) {
                collect(Files.readString(file), names);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // read by logback.xml (the root level, text or JSON), not through the configuration
        names.add("POKER_LOG_LEVEL");
        names.add("POKER_LOG_FORMAT");
        return names;
    }

    private static void collect(String text, Set<String> names) {
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
    }

    static int managementPort() {
        return defaults().getInt("pekko.management.http.port");
    }

    static int httpPort() {
        return defaults().getInt("poker.http.port");
    }

    static int remotePort() {
        return defaults().getInt("pekko.remote.artery.canonical.port");
    }

    /** Pekko Management's readiness and liveness paths, as routes: "/ready", "/alive". */
    static String readinessPath() {
        return "/" + defaults().getString("pekko.management.health-checks.readiness-path");
    }

    static String livenessPath() {
        return "/" + defaults().getString("pekko.management.health-checks.liveness-path");
    }
}
