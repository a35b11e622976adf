package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.her2feeds.sources.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a day's digest reads (the day's articles with their sources and notices, and the stories they belong to)
 * takes the same number of statements whatever the number of articles of the day (real H2 file database, real
 * rules): one read per kind of thing, never one per article.
 */
class DayReadStatementsTest {

    private static final LocalDate DAY = LocalDate.parse("2026-02-10");

    @RegisterExtension
    final H2FileStore db = new H2FileStore();

    private final StoryArticles articles = StoryArticles.taggedByTheConfiguredRules();

    @Test
    void aDayOfManyArticlesTakesAsManyStatementsAsADayOfFew() {
        articles.saveTwoStories(db.store);
        addDay(0, 3);
        StatementCount count = new StatementCount(db.pool);
        ArticleQueries queries = db.queries(count);
        StoryQueries stories = db.stories(count);

        Read few = read(queries, stories, count);
        addDay(3, 60);
        Read many = read(queries, stories, count);

        assertThat(few.articles()).isGreaterThanOrEqualTo(4);
        assertThat(many.articles()).isGreaterThanOrEqualTo(few.articles() + 50);
        assertThat(many.origins())
                .as("articles carried by two sources list both")
                .isGreaterThan(many.articles());
        assertThat(many.stories()).as("the day's news is a member of a story").isPositive();
        assertThat(many.statements()).isEqualTo(few.statements());
        assertThat(few.statements())
                .as("the articles with their sources, their notices (by DOI, PubMed id and title at once), the "
                        + "stories, their members")
                .isLessThanOrEqualTo(4);
    }

    private record Read(int articles, int origins, int stories, int statements) {}

    private static Read read(ArticleQueries queries, StoryQueries stories, StatementCount count) {
        count.take();
        List<StoredArticle> day = queries.day(DAY, ArticleFilter.ALL);
        List<Story> ofDay =
                stories.withAnyOf(day.stream().map(StoredArticle::id).toList());
        int statements = count.take();
        int origins = day.stream().mapToInt(a -> a.origins().size()).sum();
        return new Read(day.size(), origins, ofDay.size(), statements);
    }

    /** Articles of the day on HER2, each carried by a journal and (by its DOI) by a news site. */
    private void addDay(int from, int to) {
        List<NewArticle> journal = new ArrayList<>();
        List<NewArticle> news = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String title = "Trastuzumab deruxtecan in HER2-low breast cancer, cohort " + i;
            String text = "A cohort of HER2-low breast cancer treated with trastuzumab deruxtecan, report " + i + ".";
            String doi = "10.5555/day." + i;
            journal.add(
                    articles.item("journal-a", SourceKind.JOURNAL, "d" + i, title, text, "2026-02-10T06:00:00Z", doi));
            news.add(articles.item("news-e", SourceKind.NEWS, "n" + i, title, text, "2026-02-10T07:00:00Z", doi));
        }
        db.store.saveFeed("journal-a", SourceKind.JOURNAL, journal);
        db.store.saveFeed("news-e", SourceKind.NEWS, news);
    }
}
