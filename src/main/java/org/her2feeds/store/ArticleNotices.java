package org.her2feeds.store;

import java.util.ArrayList;
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
        List<Found> found = new ArrayList<>();
        find(Evidence.NOTICE_DOI, dois, found);
        find(Evidence.NOTICE_PMID, pmids, found);
        find(Evidence.NOTICE_TITLE, titles, found);
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

    private void find(String kind, Set<String> keys, List<Found> found) {
        if (keys.isEmpty()) {
            return;
        }
        jdbc
                .sql("""
                SELECT e.entity, n.id, n.url, n.title, n.tagging FROM article_entity e
                JOIN article n ON n.id = e.article_id WHERE e.kind = :kind AND e.entity = ANY(:keys)""")
                .param("kind", kind)
                .param("keys", AnyOf.strings(keys))
                .query((rs, row) -> {
                    TaggingResult tagging = json.readValue(rs.getString(5), TaggingResult.class);
                    String noticeKind =
                            tagging.evidence() == null || tagging.evidence().notice() == null
                                    ? null
                                    : tagging.evidence().notice().kind();
                    return new Found(
                            kind,
                            rs.getString(1),
                            new NoticeRef(noticeKind, rs.getString(2), rs.getString(3), rs.getString(4)));
                })
                .list()
                .stream()
                .filter(f -> Objects.nonNull(f.notice().kind()))
                .forEach(found::add);
    }
}
