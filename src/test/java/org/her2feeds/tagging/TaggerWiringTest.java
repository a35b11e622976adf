package org.her2feeds.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The bean as the application gets it: property binding, default path, and start-up failure on bad rules. */
class TaggerWiringTest {

    @Configuration
    @EnableConfigurationProperties(TaggingProperties.class)
    @Import(Tagger.class)
    static class TaggingOnly {}

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(TaggingOnly.class);

    @Test
    void defaultsToTheShippedRulesFile() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(TaggingProperties.class).topicsFile()).isEqualTo(Path.of("config/topics.yml"));
            assertThat(context.getBean(Tagger.class).topics()).hasSize(14);
        });
    }

    @Test
    void aBadRulesFileStopsStartUpWithItsLine(@TempDir Path dir) throws IOException {
        Path rules =
                Files.writeString(dir.resolve("topics.yml"), "relevance:\n  terms: [her2]\n  term: [x]\ntopics: []\n");

        runner.withPropertyValues("her2.topics-file=" + rules).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .isInstanceOf(TopicRulesException.class)
                    .hasMessage(rules + " line 3: relevance: unknown key 'term' (allowed: description, except,"
                            + " negated-after, negated-before, not-followed-by, not-preceded-by, "
                            + "subtype-list, terms, use)");
        });
    }
}
