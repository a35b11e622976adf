package org.her2feeds.staticsite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.her2feeds.http.RequestUrls;
import org.her2feeds.store.ArticlesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every output to a folder (when {@code her2.publish.dir} is set) after each change of the archive, so
 * any static web server or CDN can serve them. Each file is written beside its final name and moved over it
 * atomically: a reader of the folder sees the old file or the new one, never a part. Changes that arrive while
 * a copy is being written are folded into one more copy.
 */
@Component
public class StaticPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StaticPublisher.class);

    private final List<StaticFiles> contributors;
    private final StaticSiteProperties properties;
    private final RequestUrls urls;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1),
            runnable -> {
                Thread thread = new Thread(runnable, "static-publisher");
                thread.setDaemon(true);
                return thread;
            },
            new ThreadPoolExecutor.DiscardPolicy());

    StaticPublisher(List<StaticFiles> contributors, StaticSiteProperties properties, RequestUrls urls) {
        this.contributors = contributors;
        this.properties = properties;
        this.urls = urls;
    }

    @EventListener
    void onArticlesChanged(ArticlesChanged event) {
        if (properties.dir() != null) {
            worker.execute(this::publishQuietly);
        }
    }

    /** Writes every output to the folder now. @return the files written */
    public List<Path> publish(Path dir) {
        String base = urls.base();
        List<Path> written = new ArrayList<>();
        for (StaticFiles contributor : contributors) {
            for (StaticFile file : contributor.files(base)) {
                written.add(write(dir, file));
            }
        }
        return written;
    }

    private void publishQuietly() {
        try {
            List<Path> written = publish(properties.dir());
            log.info("Published {} files to {}", written.size(), properties.dir());
        } catch (RuntimeException e) {
            log.warn("Could not publish the static copy to {}: {}", properties.dir(), e.getMessage());
        }
    }

    static Path write(Path dir, StaticFile file) {
        Path target = dir.resolve(file.path()).normalize();
        if (!target.startsWith(dir.normalize())) {
            throw new IllegalArgumentException("static file '" + file.path() + "' would be written outside " + dir);
        }
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.write(temp, file.body());
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot be written", e);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
