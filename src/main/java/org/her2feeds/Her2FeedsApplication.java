package org.her2feeds;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.her2feeds.clean.ContentCleaner;
import org.her2feeds.opml.OpmlImportCommand;
import org.her2feeds.ops.ExportCommand;
import org.her2feeds.tagging.EvidenceEvaluationCommand;
import org.her2feeds.tagging.TopicsEvaluationCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class Her2FeedsApplication {

    /** Runs the service, or one of the operator's commands, which exit when done. */
    public static void main(String[] args) {
        Optional<String> evaluationSet = option(args, "--evaluate-topics=");
        if (evaluationSet.isPresent()) {
            // An operator checks a changed topics.yml before deploying it: no database, no server.
            Path topics = Path.of(option(args, "--her2.topics-file=").orElse("config/topics.yml"));
            System.exit(TopicsEvaluationCommand.run(topics, Path.of(evaluationSet.get()), System.out));
        }
        Optional<String> evidenceSet = option(args, "--evaluate-evidence=");
        if (evidenceSet.isPresent()) {
            Path topics = Path.of(option(args, "--her2.topics-file=").orElse("config/topics.yml"));
            Path evidence = Path.of(option(args, "--her2.evidence-file=").orElse("config/evidence.yml"));
            Path stories = Path.of(option(args, "--her2.stories-file=").orElse("config/stories.yml"));
            // The labelled items are written as feeds give them: the cleaner reads them as it reads a feed's fields.
            ContentCleaner cleaner = new ContentCleaner();
            System.exit(EvidenceEvaluationCommand.run(
                    topics, evidence, stories, cleaner::plainText, Path.of(evidenceSet.get()), System.out));
        }
        Optional<Path> opml = OpmlImportCommand.requested(args);
        if (opml.isPresent()) {
            System.exit(OpmlImportCommand.run(opml.get(), args, System.out));
        }
        if (ExportCommand.requested(args)) {
            System.exit(ExportCommand.run(Her2FeedsApplication.class, args, System.out));
        }
        SpringApplication.run(Her2FeedsApplication.class, args);
    }

    private static Optional<String> option(String[] args, String prefix) {
        return Arrays.stream(args)
                .filter(arg -> arg.startsWith(prefix))
                .map(arg -> arg.substring(prefix.length()))
                .findFirst();
    }

    /** One clock for every "now", so tests can reason about times. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
