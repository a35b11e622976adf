package org.her2feeds.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The W3C Feed Validation Service's own code, run offline through {@code ../shared/feedvalidator/fv.py}. The
 * validator is never part of the project: it is found through FEEDVALIDATOR_HOME (see that folder's README). Where
 * it or Debian's python3-html5lib is missing the test is skipped with a message, unless
 * HER2_REQUIRE_FEEDVALIDATOR=true (CI), where that fails the build.
 */
public final class W3cFeedValidator {

    /** One validated document: the validator's own error and warning lines. */
    public record Result(String file, String feedType, List<String> errors, List<String> warnings) {}

    /** As fv.py looks for it: on the path, or Debian's python3-html5lib for a python3 that is not Debian's. */
    private static final String HTML5LIB =
            "import sys; sys.path.append('/usr/lib/python3/dist-packages'); import html5lib";

    private final Path script;
    private final boolean offline;
    private final JsonMapper json = JsonMapper.builder().build();

    private W3cFeedValidator(Path script, boolean offline) {
        this.script = script;
        this.offline = offline;
    }

    /** The validator, or a skipped (or, where required, failed) test when it cannot run here. */
    public static W3cFeedValidator require() {
        Path script =
                SharedMaterial.require(Path.of("..", "shared", "feedvalidator")).resolve("fv.py");
        String home = System.getenv("FEEDVALIDATOR_HOME");
        String missing = null;
        if (home == null || !Files.isDirectory(Path.of(home, "feedvalidator"))) {
            missing = "FEEDVALIDATOR_HOME does not point at the W3C feed validator's code (" + home + "); bring it "
                    + "as ../shared/feedvalidator/README.md says";
        } else if (run(List.of("python3", "-c", HTML5LIB), null) != 0) {
            missing = "python3 with html5lib is missing (Debian: apt-get install python3-html5lib)";
        }
        if (missing != null) {
            if (Boolean.parseBoolean(System.getenv("HER2_REQUIRE_FEEDVALIDATOR"))) {
                throw new AssertionError(missing + ". It is required here (HER2_REQUIRE_FEEDVALIDATOR=true).");
            }
            Assumptions.abort(missing + ". Skipping the W3C feed validation.");
        }
        // The validator may look e-mail domains up in DNS; without a network namespace it stays offline.
        boolean offline = run(List.of("unshare", "-n", "true"), null) == 0;
        return new W3cFeedValidator(script, offline);
    }

    /**
     * Validates one document as served with this Content-Type at this URL (its self links are checked against it).
     */
    public Result validate(Path file, String contentType, String url) throws IOException {
        List<String> command = new ArrayList<>();
        if (offline) {
            command.addAll(List.of("unshare", "-n"));
        }
        command.addAll(List.of(
                "python3", script.toString(), "--json", "--content-type", contentType, "--base", url, file.toString()));
        Path out = Files.createTempFile("fv", ".json");
        try {
            run(command, out);
            String text = Files.readString(out, StandardCharsets.UTF_8).trim();
            JsonNode result = json.readTree(text.substring(text.lastIndexOf('\n') + 1));
            if (result.has("crash")) {
                throw new AssertionError("the validator crashed on " + url + ": " + result.get("crash"));
            }
            return new Result(
                    url,
                    result.path("feedType").asString(),
                    lines(result.get("errors")),
                    lines(result.get("warnings")));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static List<String> lines(JsonNode array) {
        List<String> lines = new ArrayList<>();
        array.forEach(line -> lines.add(line.asString()));
        return lines;
    }

    private static int run(List<String> command, Path out) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(out == null);
            if (out == null) {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            } else {
                builder.redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
            }
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in 120 s");
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
