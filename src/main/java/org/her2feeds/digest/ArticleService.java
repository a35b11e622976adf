package org.her2feeds.digest;

import java.util.List;
import java.util.Map;
import org.her2feeds.http.NotFoundException;
import org.her2feeds.http.RequestLimits;
import org.her2feeds.query.ReaderFilters;
import org.her2feeds.query.Selection;
import org.her2feeds.store.ArticleFilter;
import org.her2feeds.store.ArticleQueries;
import org.her2feeds.tagging.Tagger;
import org.springframework.stereotype.Service;

/**
 * The article list (search, filters, stable cursor pages), single articles and the topics, as the JSON API shows them.
 */
@Service
class ArticleService {

    private final ArticleQueries articles;
    private final ReaderFilters filters;
    private final RequestLimits limits;
    private final DigestArticles view;
    private final Tagger tagger;

    ArticleService(
            ArticleQueries articles, ReaderFilters filters, RequestLimits limits, DigestArticles view, Tagger tagger) {
        this.articles = articles;
        this.filters = filters;
        this.limits = limits;
        this.view = view;
        this.tagger = tagger;
    }

    /**
     * One page of the newest published articles matching the parameters, with the cursor of the next; with words
     * to search for, the most relevant first (a search ranks the newest her2.search.max-results matches).
     *
     * @param since  a day (yyyy-MM-dd, from its start in the digest zone) or a time with offset; null or blank for any
     * @param cursor the {@code nextCursor} of the previous page; null or blank for the first
     */
    ArticlePage page(
            List<String> topics, Selection selection, String query, String since, String cursor, Integer limit) {
        int size = limits.limit(limit);
        String words = ReaderFilters.searchWords(query);
        ArticleFilter filter = new ArticleFilter(
                filters.topics(topics),
                filters.sourceIdsOfKinds(selection.kind()),
                words,
                ReaderFilters.dayOrTime("since", since, view.zone()),
                cursor == null || cursor.isBlank() ? null : ArticleCursor.decode(cursor, words != null),
                filters.evidence(selection));
        List<ArticleQueries.Found> page = filter.searches()
                ? articles.search(filter, size + 1)
                : articles.newest(filter, size + 1).stream()
                        .map(a -> new ArticleQueries.Found(a, new ArticleFilter.Position(a.sortAt(), a.id())))
                        .toList();
        List<ArticleQueries.Found> shown = page.subList(0, Math.min(size, page.size()));
        String next =
                page.size() > size ? ArticleCursor.encode(shown.get(size - 1).position()) : null;
        return new ArticlePage(
                shown.stream().map(found -> view.of(found.article())).toList(), next);
    }

    /** @throws NotFoundException when no published article has the id */
    DigestArticle article(String id) {
        return articles.find(id)
                .map(view::of)
                .orElseThrow(() -> new NotFoundException("No published article has id '" + id + "'."));
    }

    /** The topics in the order of topics.yml, with their article counts. */
    List<TypeSummary> types() {
        return tagger.types().stream()
                .map(t -> new TypeSummary(t.slug(), t.label(), t.description()))
                .toList();
    }

    List<TopicSummary> topics() {
        Map<String, Long> counts = articles.topicCounts();
        return tagger.topics().stream()
                .map(t -> new TopicSummary(t.slug(), t.label(), t.description(), counts.getOrDefault(t.slug(), 0L)))
                .toList();
    }
}
