package org.her2feeds.store;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.her2feeds.tagging.Notice;

/**
 * What the notices about an article make of it: {@code retracted} (a retraction, or a withdrawn preprint) outranks
 * {@code concern}, which outranks {@code corrected}; the notice that decided it is the link readers follow.
 */
public record ArticleStatus(String kind, NoticeRef notice) {

    public static final String RETRACTED = "retracted";
    public static final String CONCERN = "concern";
    public static final String CORRECTED = "corrected";

    /** The status the notices give, or empty when there are none. */
    public static Optional<ArticleStatus> of(List<NoticeRef> notices) {
        return notices.stream()
                .map(notice -> new ArticleStatus(kindOf(notice.kind()), notice))
                .min(Comparator.comparingInt(status -> rank(status.kind())));
    }

    /** The words readers see for a status kind, in feeds and on the page. */
    public static String label(String kind) {
        return switch (kind) {
            case RETRACTED -> "Retracted";
            case CONCERN -> "Expression of concern";
            default -> "Corrected";
        };
    }

    private static String kindOf(String noticeKind) {
        return switch (noticeKind) {
            case Notice.RETRACTION, Notice.WITHDRAWAL -> RETRACTED;
            case Notice.CONCERN -> CONCERN;
            default -> CORRECTED;
        };
    }

    private static int rank(String kind) {
        return switch (kind) {
            case RETRACTED -> 0;
            case CONCERN -> 1;
            default -> 2;
        };
    }
}
