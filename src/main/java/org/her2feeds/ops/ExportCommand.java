package org.her2feeds.ops;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.her2feeds.ingest.IngestOutcome;
import org.her2feeds.ingest.IngestService;
import org.her2feeds.sources.Source;
import org.her2feeds.staticsite.StaticPublisher;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar her2-feeds.jar --export=DIR}: ingests every active source once, writes every output to DIR as
 * static files, and exits. The service starts without its web server and without running scheduled fetches.
 */
public final class ExportCommand {

    static final String OPTION = "--export=";

    private ExportCommand() {}

    public static boolean requested(String[] args) {
        return folder(args).isPresent();
    }

    /** @return the process exit code: 0 when the files were written (sources that failed are reported, not fatal) */
    public static int run(Class<?> application, String[] args, PrintStream out) {
        Path dir = folder(args).orElseThrow();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .properties("spring.quartz.auto-startup=false")
                .run(args)) {
            IngestService ingest = context.getBean(IngestService.class);
            List<Source> sources = ingest.activeSources();
            for (Source source : sources) {
                IngestOutcome outcome = ingest.ingest(source.id());
                out.printf(
                        "%-40s %s%n",
                        source.id(),
                        outcome.succeeded()
                                ? "added " + outcome.added() + ", updated " + outcome.updated() + ", unchanged "
                                        + outcome.unchanged()
                                : "failed: " + outcome.error());
            }
            List<Path> written = context.getBean(StaticPublisher.class).publish(dir.toAbsolutePath());
            out.printf("Wrote %d files to %s%n", written.size(), dir.toAbsolutePath());
            return 0;
        } catch (RuntimeException e) {
            out.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static Optional<Path> folder(String[] args) {
        return Arrays.stream(args)
                .filter(arg -> arg.startsWith(OPTION))
                .findFirst()
                .map(arg -> Path.of(arg.substring(OPTION.length())));
    }
}
