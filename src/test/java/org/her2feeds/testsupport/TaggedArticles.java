package org.her2feeds.testsupport;

import java.time.Instant;
import java.util.List;
import org.her2feeds.sources.SourceKind;
import org.her2feeds.store.NewArticle;
import org.her2feeds.tagging.TaggableText;
import org.her2feeds.tagging.Tagger;

/** Articles as a feed of a source of some kind gives them, tagged by these rules: what the story tests store. */
public record TaggedArticles(Tagger tagger) {

    /** An article at {@code https://<source>.example/<guid>}, its text as description and content. */
    public NewArticle item(
            String source, SourceKind kind, String guid, String title, String text, String published, String doi) {
        TaggableText taggable = new TaggableText(title, text, "", List.of(), kind.slug());
        return new NewArticle(
                source,
                guid,
                "https://" + source + ".example/" + guid,
                title,
                "<p>" + text + "</p>",
                text,
                List.of(),
                List.of(),
                Instant.parse(published),
                doi,
                null,
                tagger.tag(taggable),
                text,
                "",
                null);
    }
}
