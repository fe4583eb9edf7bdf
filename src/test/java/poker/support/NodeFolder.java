package poker.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Node.js tool the tests run (a hand-history parser, the browser driver): its sources are copied from the
 * test folder to a work folder under target/, and {@code npm ci} installs its locked dependencies there when
 * the package files changed or the installed module is missing.
 */
public final class NodeFolder {

    private NodeFolder() {
    }

    /**
     * @param source   the test folder with package.json, package-lock.json and the scripts
     * @param work     where to install (under target/)
     * @param scripts  the script files to copy besides the package files
     * @param installed a file that exists once the dependencies are installed
     */
    public static void install(Path source, Path work, List<String> scripts, String installed)
            throws IOException, InterruptedException {
        Files.createDirectories(work);
        boolean packagesChanged = false;
        List<String> files = new ArrayList<>(List.of("package.json", "package-lock.json"));
        files.addAll(scripts);
        for (String file : files) {
            Path from = source.resolve(file);
            Path to = work.resolve(file);
            if (!Files.exists(to) || Files.mismatch(from, to) != -1) {
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                packagesChanged |= file.startsWith("package");
            }
        }
        if (packagesChanged || !Files.exists(work.resolve(installed))) {
            Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(work.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("npm ci in " + work + " failed (is npm installed?):\n" + output);
            }
        }
    }
}
