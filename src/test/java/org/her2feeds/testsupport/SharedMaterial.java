package org.her2feeds.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates {@code ../shared/} (test material that sits beside the project's clone, never inside it).
 * A user's clone has no such folder, so tests that need it skip there with a message; CI sets
 * {@code her2.require-shared=true} (through HER2_REQUIRE_SHARED) so that a missing folder fails instead.
 */
public final class SharedMaterial {

    private SharedMaterial() {}

    /** The conformance corpus folder, or a skipped test when it is absent and not required. */
    public static Path conformance() {
        return require(Path.of("..", "shared", "conformance"));
    }

    /** A folder of {@code ../shared/}, or a skipped test when it is absent and not required. */
    public static Path require(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return absolute;
        }
        String message = absolute + " is missing: these tests read other projects' test cases from ../shared/ "
                + "beside the clone (present in CI).";
        if (Boolean.parseBoolean(System.getProperty("her2.require-shared"))) {
            throw new AssertionError(message + " It is required here (her2.require-shared=true).");
        }
        Assumptions.abort(message + " Skipping.");
        return absolute;
    }
}
