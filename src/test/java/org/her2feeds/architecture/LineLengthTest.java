package org.her2feeds.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The formatter (checked by {@code ./mvnw verify}) keeps code within 120 columns but leaves comments, string literals
 * and text blocks alone; this keeps those within the same limit, so every file reads without horizontal scrolling.
 */
class LineLengthTest {

    private static final int LIMIT = 120;

    @Test
    void noSourceLineIsLongerThanTheLimit() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).codePointCount(0, lines.get(i).length()) > LIMIT) {
                            tooLong.add(file + ":" + (i + 1));
                        }
                    }
                }
            }
        }
        assertThat(tooLong).as("lines over %d characters", LIMIT).isEmpty();
    }
}
