package org.her2feeds.opml;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.her2feeds.sources.SourcesFileException;
import org.her2feeds.sources.SourcesProperties;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar her2-feeds.jar --import-opml=FILE [--her2.sources-file=...]}: adds the OPML file's feeds to
 * the sources file and exits. Only the configuration is loaded (so {@code config/application.yml}, environment
 * variables and arguments name the sources file as for the service); no database, scheduler or web server.
 */
public final class OpmlImportCommand {

    static final String OPTION = "--import-opml=";

    private OpmlImportCommand() {}

    public static Optional<Path> requested(String[] args) {
        return Arrays.stream(args)
                .filter(arg -> arg.startsWith(OPTION))
                .findFirst()
                .map(arg -> Path.of(arg.substring(OPTION.length())));
    }

    /** @return the process exit code: 0 when the import succeeded (even if every feed was already listed) */
    public static int run(Path opml, String[] args, PrintStream out) {
        Path sourcesFile;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Configuration.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(args)) {
            sourcesFile = context.getBean(SourcesProperties.class).sourcesFile();
        }
        try {
            OpmlImport.Result result = OpmlImport.importInto(
                    sourcesFile,
                    OpmlReader.subscriptions(opml),
                    opml.getFileName().toString());
            result.added().forEach(line -> out.println("added   " + line));
            result.skipped().forEach(line -> out.println("skipped " + line));
            out.printf(
                    "%s: %d sources added, %d skipped%n",
                    sourcesFile, result.added().size(), result.skipped().size());
            return 0;
        } catch (SourcesFileException | IllegalArgumentException | java.io.UncheckedIOException e) {
            out.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** Binds the configuration only; deliberately not a component, so the service's scan never picks it up. */
    @EnableConfigurationProperties(SourcesProperties.class)
    static class Configuration {}
}
