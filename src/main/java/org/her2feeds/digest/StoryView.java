package org.her2feeds.digest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One story as the portal reads it: articles from several sources that report one event (a trial readout, a
 * regulator's decision, a paper, a notice).
 *
 * @param id        stable; the id of a story later joined into another still finds it at /api/stories/{id}
 * @param title     the title of its most authoritative member (regulator, then journal, preprint, news)
 * @param url       that member's link
 * @param label     the trial most of its members name; null when none is shared
 * @param summary   e.g. "DESTINY-Breast09: trial result in a journal, 3 news reports, 1 approval"
 * @param firstSeen when its first member appeared
 * @param lastSeen  when its latest member appeared
 * @param updatedAt when it last gained a member
 * @param members   its articles, oldest first
 */
public record StoryView(
        String id,
        String title,
        @Schema(nullable = true) String url,
        @Schema(nullable = true) String label,
        String summary,
        OffsetDateTime firstSeen,
        OffsetDateTime lastSeen,
        OffsetDateTime updatedAt,
        List<Member> members) {

    /**
     * One article of a story.
     *
     * @param id        the article's id, as in /api/articles/{id}
     * @param type      its publication type (see /api/types)
     * @param source    the source whose copy is shown
     * @param kind      that source's kind
     * @param published when it appeared
     */
    public record Member(
            String id,
            String title,
            @Schema(nullable = true) String url,
            String type,
            String source,
            @Schema(nullable = true) String kind,
            OffsetDateTime published) {}
}
