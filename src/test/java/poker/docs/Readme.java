package poker.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell blocks of README.md, each with the marker comment that says how the walk-through test
 * treats it: {@code <!-- readme-test: server -->}, {@code client} or {@code skip (why)}.
 */
record Readme(List<Block> blocks, List<Integer> unmarked) {

    enum Kind { SERVER, CLIENT, SKIP }

    /** A shell block; {@code line} is the 1-based line of its opening fence. */
    record Block(Kind kind, int line, String text) {
    }

    private static final Pattern MARKER = Pattern.compile("<!--\\s*readme-test:\\s*(server|client|skip)\\b.*-->");
    private static final Pattern DOCUMENTED_ERROR = Pattern.compile("#\\s*\\{\"error\":\"([a-z_]+)\"");
    private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^\\s*([A-Z][A-Z0-9_]*)=");

    static Readme parse(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Block> blocks = new ArrayList<>();
        List<Integer> unmarked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.equals("```bash") && !line.equals("```sh") && !line.equals("```shell")) {
                continue;
            }
            Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1).strip()) : null;
            StringBuilder text = new StringBuilder();
            int j = i + 1;
            for (; j < lines.size() && !lines.get(j).strip().equals("```"); j++) {
                text.append(lines.get(j)).append('\n');
            }
            if (marker != null && marker.matches()) {
                blocks.add(new Block(Kind.valueOf(marker.group(1).toUpperCase()), i + 1, text.toString()));
            } else {
                unmarked.add(i + 1);
            }
            i = j;
        }
        return new Readme(List.copyOf(blocks), List.copyOf(unmarked));
    }

    List<Block> of(Kind kind) {
        return blocks.stream().filter(b -> b.kind() == kind).toList();
    }

    /** The error codes the client blocks say will come back ({@code # {"error":"code",...}}), in order. */
    List<String> documentedErrors() {
        List<String> codes = new ArrayList<>();
        for (Block b : of(Kind.CLIENT)) {
            Matcher m = DOCUMENTED_ERROR.matcher(b.text());
            while (m.find()) {
                codes.add(m.group(1));
            }
        }
        return codes;
    }

    /** The shell variables the client blocks assign. */
    Set<String> assignedVariables() {
        Set<String> names = new LinkedHashSet<>();
        for (Block b : of(Kind.CLIENT)) {
            Matcher m = ASSIGNMENT.matcher(b.text());
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
