package org.her2feeds.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.her2feeds.tagging.Evidence;
import org.her2feeds.tagging.TaggingResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notices that name each of a page of articles, found when the articles are read rather than when the notice
 * arrives: a retraction stored before the article it retracts applies as soon as the article is there, and nothing
 * has to be written again when either changes.
 */
final class ArticleNotices {

    private record Found(String kind, String entity, NoticeRef notice) {}

    private static final List<String> KINDS = List.of(Evidence.NOTICE_DOI, Evidence.NOTICE_PMID, Evidence.NOTICE_TITLE);
    private static final Comparator<Found> READ_ORDER = Comparator.comparingInt((Found f) -> KINDS.indexOf(f.kind()))
            .thenComparing(Found::entity)
            .thenComparing(f -> f.notice().noticeId());

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ArticleNotices(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The notices naming each article (by DOI, PubMed id or title), by article id; articles without none absent. */
    Map<String, List<NoticeRef>> of(List<StoredArticle> articles) {
        Set<String> dois = new LinkedHashSet<>();
        Set<String> pmids = new LinkedHashSet<>();
        Set<String> titles = new LinkedHashSet<>();
        Map<String, String> titleKeys = new HashMap<>();
        for (StoredArticle article : articles) {
            if (article.doi() != null) {
                dois.add(article.doi());
            }
            if (article.pmid() != null) {
                pmids.add(article.pmid());
            }
            String title = Evidence.titleKey(article.title());
            if (title != null && !title.isEmpty()) {
                titles.add(title);
                titleKeys.put(article.id(), title);
            }
        }
        List<Found> found =
                find(Map.of(Evidence.NOTICE_DOI, dois, Evidence.NOTICE_PMID, pmids, Evidence.NOTICE_TITLE, titles));
        if (found.isEmpty()) {
            return Map.of();
        }
        Map<String, List<NoticeRef>> byArticle = new HashMap<>();
        for (StoredArticle article : articles) {
            String title = titleKeys.get(article.id());
            for (Found f : found) {
                boolean names = switch (f.kind()) {
                    case Evidence.NOTICE_DOI -> f.entity().equals(article.doi());
                    case Evidence.NOTICE_PMID -> f.entity().equals(article.pmid());
                    default -> f.entity().equals(title);
                };
                // A notice never concerns itself (its own DOI may be printed in its text).
                if (names && !f.notice().noticeId().equals(article.id())) {
                    List<NoticeRef> notices = byArticle.computeIfAbsent(article.id(), id -> new ArrayList<>());
                    if (notices.stream()
                            .noneMatch(n -> n.noticeId().equals(f.notice().noticeId()))) {
                        notices.add(f.notice());
                    }
                }
            }
        }
        return byArticle;
    }

    /**
     * The notices naming any of the keys, in one statement for every kind of key, ordered as a statement per kind
     * read them (by DOI, PubMed id, title; then by key and notice id): of two notices of the same rank the first
     * is the one readers are sent to. The keys are joined to the index as a table of (kind, key) pairs: with
     * {@code kind = ? AND entity IN (...)} H2 used the index for the kind only and read every notice's key of
     * that kind.
     */
    private List<Found> find(Map<String, Set<String>> keysByKind) {
        List<String> kinds = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        keysByKind.forEach((kind, ofKind) -> ofKind.forEach(key -> {
            kinds.add(kind);
            keys.add(key);
        }));
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc
                .sql("""
                SELECT k.kind, e.entity, n.id, n.url, n.title, n.tagging
                FROM UNNEST(CAST(:kinds AS VARCHAR ARRAY), CAST(:keys AS VARCHAR ARRAY)) k(kind, entity)
                JOIN article_entity e ON e.kind = k.kind AND e.entity = k.entity
                JOIN article n ON n.id = e.article_id""")
                .param("kinds", AnyOf.strings(kinds))
                .param("keys", AnyOf.strings(keys))
                .query((rs, row) -> {
                    TaggingResult tagging = json.readValue(rs.getString(6), TaggingResult.class);
                    String noticeKind =
                            tagging.evidence() == null || tagging.evidence().notice() == null
                                    ? null
                                    : tagging.evidence().notice().kind();
                    return new Found(
                            rs.getString(1),
                            rs.getString(2),
                            new NoticeRef(noticeKind, rs.getString(3), rs.getString(4), rs.getString(5)));
                })
                .list()
                .stream()
                .filter(f -> Objects.nonNull(f.notice().kind()))
                .sorted(READ_ORDER)
                .toList();
    }
}
