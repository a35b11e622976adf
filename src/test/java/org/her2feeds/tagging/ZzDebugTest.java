package org.her2feeds.tagging;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ZzDebugTest {
    @Test
    void debug() {
        Tagger tagger = Tagger.fromFiles(Path.of("config/topics.yml"), Path.of("config/evidence.yml"));
        StoryLinks links = new StoryLinks(Path.of("config/stories.yml"));
        Path set = Path.of(System.getProperty("dbg.set", "src/test/resources/evidence/evidence-tuning-10.yml"));
        List<Optional<StoryProfile>> profiles = EvidenceEvaluation.profiles(tagger, links, set);
        String[] ids = System.getProperty("dbg.ids", "").split(",");
        for (String id : ids) {
            int i = Integer.parseInt(id.strip()) - 1;
            System.out.println("DBG " + id + " " + profiles.get(i));
        }
        for (String a : ids) {
            for (String b : ids) {
                int i = Integer.parseInt(a.strip()) - 1;
                int j = Integer.parseInt(b.strip()) - 1;
                if (i < j && profiles.get(i).isPresent() && profiles.get(j).isPresent()) {
                    System.out.println("DBG " + a + "+" + b + " "
                            + links.link(profiles.get(i).get(), profiles.get(j).get()));
                }
            }
        }
    }
}
