package org.her2feeds.store;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One story: articles from several sources that report one event, with the title of its most authoritative member.
 *
 * @param id        stable: {@code s-} and the id of the article that started it; the id of a story joined into this
 *                  one resolves to it
 * @param title     the title of the most authoritative member (regulator, then journal, preprint, news)
 * @param url       that member's link
 * @param label     the trial most of its members name, e.g. DESTINY-Breast09; null when none is shared
 * @param summary   what the story holds, e.g. "DESTINY-Breast09: trial result in a journal, 3 news reports"
 * @param firstSeen when its first member appeared
 * @param lastSeen  when its latest member appeared
 * @param updated   when it last gained a member
 */
public record Story(
        String id,
        String title,
        @Schema(nullable = true) String url,
        @Schema(nullable = true) String label,
        String summary,
        Instant firstSeen,
        Instant lastSeen,
        Instant updated,
        List<Member> members) {

    /**
     * One article of a story.
     *
     * @param id        the article's id (as in /api/articles/{id})
     * @param type      its publication type
     * @param source    the source whose copy is shown
     * @param kind      that source's kind, or null
     * @param published when it appeared (its filing time)
     */
    public record Member(
            String id,
            String title,
            @Schema(nullable = true) String url,
            String type,
            String source,
            @Schema(nullable = true) String kind,
            Instant published) {}

    public Story {
        members = List.copyOf(members);
    }

    /**
     * What a story holds, in words: its trial, then each kind of member counted, e.g. "DESTINY-Breast09: trial
     * result in a journal, 3 news reports, 1 approval". The one place where a story is described.
     */
    static String describe(String label, List<Member> members) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        members.stream()
                .sorted((a, b) -> Integer.compare(weight(b), weight(a)))
                .forEach(m -> counts.merge(coverage(m), 1, Integer::sum));
        // The leading kind reads as a phrase ("trial result in a journal"), the others as counts ("1 approval").
        StringBuilder text = new StringBuilder();
        counts.forEach((what, count) -> {
            if (text.isEmpty()) {
                text.append(count == 1 ? what : count + " " + plural(what));
            } else {
                text.append(", ").append(count).append(' ').append(count == 1 ? what : plural(what));
            }
        });
        return label == null ? text.toString() : label + ": " + text;
    }

    private static int weight(Member member) {
        return switch (String.valueOf(member.kind())) {
            case "regulator" -> 5;
            case "journal" -> 4;
            case "preprint" -> 3;
            case "news" -> 1;
            default -> 0;
        };
    }

    private static String coverage(Member member) {
        String kind = String.valueOf(member.kind());
        return switch (member.type()) {
            case "trial-result" ->
                switch (kind) {
                    case "journal" -> "trial result in a journal";
                    case "preprint" -> "trial result in a preprint";
                    default -> "trial result announced";
                };
            case "approval" -> "regulator".equals(kind) ? "approval" : "approval announced";
            case "news" -> "news report";
            case "commentary" -> "commentary";
            case "preprint" -> "preprint";
            case "notice" -> "notice";
            default -> member.type().replace('-', ' ');
        };
    }

    private static String plural(String what) {
        return switch (what) {
            case "trial result in a journal" -> "trial results in journals";
            case "trial result in a preprint" -> "trial results in preprints";
            case "trial result announced" -> "trial results announced";
            case "approval announced" -> "approvals announced";
            case "news report" -> "news reports";
            case "commentary" -> "commentaries";
            case "case report" -> "case reports";
            default -> what + "s";
        };
    }
}
