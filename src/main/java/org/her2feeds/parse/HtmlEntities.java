package org.her2feeds.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The HTML5 named character references (resource {@code html5-entities.txt}). Feeds written by HTML tools use
 * them freely ({@code &nbsp;}, {@code &rsquo;}, {@code &hellip;}) although XML only knows five; Rome's healer
 * knows the HTML 4 set only, so the repair path carries its own table.
 */
final class HtmlEntities {

    private static final String RESOURCE = "html5-entities.txt";

    private final Map<String, String> byName;

    private HtmlEntities(Map<String, String> byName) {
        this.byName = Map.copyOf(byName);
    }

    static HtmlEntities load() {
        try (InputStream in = HtmlEntities.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing beside " + HtmlEntities.class);
            }
            return new HtmlEntities(read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static Map<String, String> read(BufferedReader reader) throws IOException {
        Map<String, String> map = new HashMap<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split(" ");
            StringBuilder text = new StringBuilder();
            for (int i = 1; i < parts.length; i++) {
                text.appendCodePoint(Integer.parseInt(parts[i], 16));
            }
            map.put(parts[0], text.toString());
        }
        return map;
    }

    /** The text a named reference stands for (name without {@code &} and {@code ;}), or null if unknown. */
    String decode(String name) {
        return byName.get(name);
    }

    int size() {
        return byName.size();
    }
}
