package org.her2feeds.staticsite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.her2feeds.CoalescingWorker;
import org.her2feeds.http.RequestUrls;
import org.her2feeds.store.ArticlesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every output to a folder (when {@code her2.publish.dir} is set) after each change of the archive, so
 * any static web server or CDN can serve them. Only files whose content changed are written; each is written
 * beside its final name and moved over it atomically: a reader of the folder sees the old file or the new one,
 * never a part. Changes that arrive while a copy is being written are folded into one more copy.
 */
@Component
public class StaticPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StaticPublisher.class);

    /** The folders whose every file comes from this publisher, so files nobody produced any more can go. */
    private static final List<String> OWNED_FOLDERS = List.of("digests", "topics");

    private static final Set<PosixFilePermission> PUBLISHED_MODE = PosixFilePermissions.fromString("rw-r--r--");

    private final List<StaticFiles> contributors;
    /** The version of each file last written or found up to date; a restart writes every file once again. */
    private final Map<Path, String> versions = new ConcurrentHashMap<>();

    private final StaticSiteProperties properties;
    private final RequestUrls urls;
    private final CoalescingWorker worker = new CoalescingWorker("static-publisher");

    StaticPublisher(List<StaticFiles> contributors, StaticSiteProperties properties, RequestUrls urls) {
        this.contributors = contributors;
        this.properties = properties;
        this.urls = urls;
    }

    @EventListener
    void onArticlesChanged(ArticlesChanged event) {
        if (properties.dir() != null) {
            worker.request(this::publishQuietly);
        }
    }

    /**
     * Brings the folder in line with the outputs now: writes the files whose content changed (index files last),
     * then removes the files of days and topics that no longer exist. Files are readable by everyone (0644), so a
     * web server running as another user can serve them.
     *
     * @return the files written
     */
    public synchronized List<Path> publish(Path dir) {
        String base = urls.base();
        List<StaticFile> all = new ArrayList<>();
        for (StaticFiles contributor : contributors) {
            all.addAll(contributor.files(base));
        }
        List<Path> written = new ArrayList<>();
        Set<Path> current = new HashSet<>();
        for (boolean indexes : new boolean[] {false, true}) {
            for (StaticFile file : all) {
                if (file.isIndex() == indexes) {
                    Path target = target(dir, file);
                    current.add(target);
                    if (writeIfChanged(target, file)) {
                        written.add(target);
                    }
                }
            }
        }
        removeStale(dir, current);
        return written;
    }

    private boolean writeIfChanged(Path target, StaticFile file) {
        String known = file.version() == null ? null : versions.get(target);
        if (known != null && known.equals(file.version()) && Files.isRegularFile(target)) {
            return false;
        }
        byte[] body = file.body().get();
        try {
            if (Files.isRegularFile(target)
                    && Files.size(target) == body.length
                    && Arrays.equals(Files.readAllBytes(target), body)) {
                remember(target, file);
                return false;
            }
        } catch (IOException e) {
            // Unreadable: written again below.
        }
        write(target, body);
        remember(target, file);
        return true;
    }

    private void remember(Path target, StaticFile file) {
        if (file.version() != null) {
            versions.put(target, file.version());
        }
    }

    /** Files this publisher owns (day digests, topic feeds) that no output produced this time: gone days, topics. */
    private void removeStale(Path dir, Set<Path> current) {
        for (String owned : OWNED_FOLDERS) {
            Path folder = dir.resolve(owned);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(folder)) {
                List<Path> stale = paths.filter(Files::isRegularFile)
                        .filter(path -> !current.contains(path))
                        .toList();
                for (Path path : stale) {
                    Files.deleteIfExists(path);
                    versions.remove(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(folder + ": stale files cannot be removed", e);
            }
            try (Stream<Path> paths = Files.walk(folder)) {
                List<Path> folders = paths.filter(Files::isDirectory)
                        .filter(path -> !path.equals(folder))
                        .sorted(Comparator.reverseOrder())
                        .toList();
                for (Path empty : folders) {
                    try (Stream<Path> inside = Files.list(empty)) {
                        if (inside.findAny().isEmpty()) {
                            Files.delete(empty);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(folder + ": empty folders cannot be removed", e);
            }
        }
    }

    private void publishQuietly() {
        try {
            List<Path> written = publish(properties.dir());
            log.info("Published {} files to {}", written.size(), properties.dir());
        } catch (RuntimeException e) {
            log.warn("Could not publish the static copy to {}: {}", properties.dir(), e.getMessage());
        }
    }

    private static Path target(Path dir, StaticFile file) {
        Path target = dir.resolve(file.path()).normalize();
        if (!target.startsWith(dir.normalize())) {
            throw new IllegalArgumentException("static file '" + file.path() + "' would be written outside " + dir);
        }
        return target;
    }

    private static void write(Path target, byte[] body) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.write(temp, body);
                setReadableByAll(temp);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot be written", e);
        }
    }

    /** Temporary files are created private (0600); the published copy is for a web server of another user. */
    private static void setReadableByAll(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, PUBLISHED_MODE);
        }
    }

    @Override
    public void destroy() {
        worker.stop();
    }
}
