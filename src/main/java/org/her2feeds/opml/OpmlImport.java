package org.her2feeds.opml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.her2feeds.sources.Source;
import org.her2feeds.sources.SourcesFileReader;

/**
 * Adds the feeds of an OPML file to a sources file. New entries are appended as text, so every existing entry,
 * comment and blank line stays as the operator wrote it; the result is read back with the strict sources reader
 * before it atomically replaces the file, so a failed import leaves the file untouched.
 */
final class OpmlImport {

    private static final Pattern FIRST_ENTRY = Pattern.compile("(?m)^([ \\t]*)- ");
    private static final int MAX_SLUG = 60;

    private OpmlImport() {}

    /**
     * @param added   the ids and URLs of the new sources
     * @param skipped one line per feed not added, with the reason
     */
    record Result(List<String> added, List<String> skipped) {}

    static Result importInto(Path sourcesFile, List<OpmlOutline> feeds, String origin) {
        SourcesFileReader reader = new SourcesFileReader();
        List<Source> existing = reader.read(sourcesFile);
        Set<String> ids = new HashSet<>();
        Set<String> urls = new HashSet<>();
        existing.forEach(source -> {
            ids.add(source.id());
            urls.add(comparable(source.url().toString()));
        });
        String text = read(sourcesFile);
        Matcher first = FIRST_ENTRY.matcher(text);
        String indent = first.find() ? first.group(1) : "  ";

        StringBuilder block = new StringBuilder();
        List<String> added = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (OpmlOutline feed : feeds) {
            String url = feed.xmlUrl().trim();
            String problem = problem(url);
            if (problem != null) {
                skipped.add(url + ": " + problem);
                continue;
            }
            if (!urls.add(comparable(url))) {
                skipped.add(url + ": already listed");
                continue;
            }
            String id = unique(slug(feed.text()), ids);
            block.append(indent)
                    .append("- id: ")
                    .append(id)
                    .append('\n')
                    .append(indent)
                    .append("  title: ")
                    .append(quoted(feed.text()))
                    .append('\n')
                    .append(indent)
                    .append("  url: ")
                    .append(quoted(url))
                    .append('\n');
            added.add(id + " " + url);
        }
        if (!added.isEmpty()) {
            String updated = (text.isEmpty() || text.endsWith("\n") ? text : text + "\n") + "\n" + indent
                    + "# Imported from " + origin.replace('\n', ' ') + "\n" + block;
            replace(sourcesFile, updated, reader);
        }
        return new Result(added, skipped);
    }

    /** A title made into an id: lower-case ASCII letters and digits joined by hyphens. */
    static String slug(String title) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "feed" : slug;
    }

    private static String unique(String slug, Set<String> ids) {
        String candidate = slug;
        for (int n = 2; !ids.add(candidate); n++) {
            candidate = slug + "-" + n;
        }
        return candidate;
    }

    private static String problem(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "only http and https feeds are imported";
            }
            return uri.getHost() == null ? "no host" : null;
        } catch (URISyntaxException e) {
            return "malformed URL (" + e.getReason() + ")";
        }
    }

    /** Same feed, whatever the case of the scheme and host or a trailing slash. */
    private static String comparable(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return url.trim();
        }
    }

    private static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read", e);
        }
    }

    /**
     * Replaces the file atomically without changing what the operator set up: a symlink stays a symlink (the file
     * it points to is replaced), and the new file gets the old one's permissions, owner and group.
     */
    private static void replace(Path file, String content, SourcesFileReader reader) {
        Path target;
        try {
            target = file.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be resolved", e);
        }
        Path folder = target.getParent();
        try {
            Path temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
            try {
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                reader.read(temp);
                copyOwnership(target, temp);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be written", e);
        }
    }

    private static void copyOwnership(Path from, Path to) throws IOException {
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView copy = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (source == null || copy == null) {
            return; // not a POSIX file system: the platform's defaults are all there is
        }
        PosixFileAttributes attributes = source.readAttributes();
        copy.setPermissions(attributes.permissions());
        if (!attributes.owner().equals(copy.getOwner())) {
            // Only a privileged user may give a file away; anyone else cannot keep another owner anyway.
            copy.setOwner(attributes.owner());
        }
        copy.setGroup(attributes.group());
    }
}
