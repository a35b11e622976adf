package org.her2feeds.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The story rules file is checked when it is read: a bad value stops start-up, naming the file and the line. */
class StoryRulesTest {

    @TempDir
    Path dir;

    @Test
    void theShippedRulesAreValid() {
        assertThat(new StoryLinks(Path.of("config/stories.yml")).window().toDays())
                .isEqualTo(30);
    }

    @Test
    void aWindowThatIsNotAPositiveWholeNumberNamesTheLine() throws IOException {
        Path file = dir.resolve("stories.yml");
        Files.writeString(
                file, Files.readString(Path.of("config/stories.yml")).replace("window-days: 30", "window-days: soon"));
        assertThatThrownBy(() -> new StoryLinks(file))
                .isInstanceOf(TopicRulesException.class)
                .hasMessageContaining(file + " line ")
                .hasMessageContaining("'window-days' must be a whole number above 0, not 'soon'");
    }

    @Test
    void aVersionThresholdThatIsNotAPositiveWholeNumberNamesTheFileAndKey() throws IOException {
        Path file = dir.resolve("stories.yml");
        Files.writeString(
                file,
                Files.readString(Path.of("config/stories.yml"))
                        .replace("version-threshold: 12", "version-threshold: -3"));
        assertThatThrownBy(() -> new StoryLinks(file))
                .isInstanceOf(TopicRulesException.class)
                .hasMessageContaining(file + " line ")
                .hasMessageContaining("'version-threshold' must be a whole number above 0, not '-3'");
    }

    @Test
    void aSponsorOfADrugNotInLowerCaseOrWithoutCompaniesNamesTheFileAndLine() throws IOException {
        Path file = dir.resolve("stories.yml");
        String rules = Files.readString(Path.of("config/stories.yml"));
        Files.writeString(file, rules.replace("  zanidatamab: [jazz, zymeworks]", "  Zanidatamab: [jazz]"));
        assertThatThrownBy(() -> new StoryLinks(file))
                .isInstanceOf(TopicRulesException.class)
                .hasMessageContaining(file + " line ")
                .hasMessageContaining("sponsors: 'Zanidatamab' must be a drug's name in lower case");
        Files.writeString(file, rules.replace("  zanidatamab: [jazz, zymeworks]", "  zanidatamab: []"));
        assertThatThrownBy(() -> new StoryLinks(file))
                .hasMessageContaining(file + " line ")
                .hasMessageContaining("sponsors of 'zanidatamab' must be a list of at least one word");
        String withoutSponsors = rules.substring(0, rules.indexOf("# The companies behind each drug"))
                + rules.substring(rules.indexOf("common-words:"));
        Files.writeString(file, withoutSponsors);
        assertThat(new StoryLinks(file).window().toDays())
                .as("sponsors may be left out")
                .isEqualTo(30);
    }

    @Test
    void aMissingListAndAnUnknownKeyAreRefused() throws IOException {
        Path file = dir.resolve("stories.yml");
        String rules = Files.readString(Path.of("config/stories.yml"));
        Files.writeString(file, rules.replace("coverage-types: [news, commentary]", "coverage-types: []"));
        assertThatThrownBy(() -> new StoryLinks(file)).hasMessageContaining("coverage-types must be a list");
        String withoutFilings = rules.substring(0, rules.indexOf("filing-words:"))
                + rules.substring(rules.indexOf("# What makes a title report a result"));
        Files.writeString(file, withoutFilings + "\nfiling-words: []\n");
        assertThatThrownBy(() -> new StoryLinks(file))
                .as("filing-words may be left out, not left empty")
                .hasMessageContaining("filing-words must be a list");
        Files.writeString(file, withoutFilings);
        assertThat(new StoryLinks(file).window().toDays()).isEqualTo(30);
        Files.writeString(file, rules + "\nwindow: 3\n");
        assertThatThrownBy(() -> new StoryLinks(file)).hasMessageContaining("unknown key 'window'");
    }

    @Test
    void previewWordsMayBeLeftOutButNotLeftEmpty() throws IOException {
        Path file = dir.resolve("stories.yml");
        String rules = Files.readString(Path.of("config/stories.yml"));
        int start = rules.indexOf("preview-words:");
        int end = rules.indexOf("# What makes a title report a result");
        Files.writeString(file, rules.substring(0, start) + "preview-words: []\n\n" + rules.substring(end));
        assertThatThrownBy(() -> new StoryLinks(file))
                .hasMessageContaining(file + " line ")
                .hasMessageContaining("preview-words must be a list of at least one word");
        Files.writeString(file, rules.substring(0, start) + rules.substring(end));
        assertThat(new StoryLinks(file).window().toDays()).isEqualTo(30);
    }

    @Test
    void settingsMayBeLeftOutButASettingNotLeftEmpty() throws IOException {
        Path file = dir.resolve("stories.yml");
        String rules = Files.readString(Path.of("config/stories.yml"));
        int start = rules.indexOf("settings:");
        int end = rules.indexOf("# The companies behind each drug");
        Files.writeString(file, rules.substring(0, start) + "settings:\n  neoadjuvant: []\n\n" + rules.substring(end));
        assertThatThrownBy(() -> new StoryLinks(file))
                .hasMessageContaining(file + " line ")
                .hasMessageContaining("setting 'neoadjuvant' must be a list of at least one word");
        Files.writeString(file, rules.substring(0, start) + rules.substring(end));
        assertThat(new StoryLinks(file).window().toDays()).isEqualTo(30);
    }
}
