package org.her2feeds.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.her2feeds.digest.DayEntry;
import org.her2feeds.digest.Digest;
import org.her2feeds.digest.DigestArticle;
import org.her2feeds.digest.DigestService;
import org.her2feeds.publish.PublishedFeeds;
import org.her2feeds.query.ReaderFilters;
import org.her2feeds.store.ArticleFilter;
import org.her2feeds.store.ArticleQueries;
import org.her2feeds.store.ArticleStatus;
import org.her2feeds.tagging.Tagger;
import org.her2feeds.tagging.TopicDefinition;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/** Decides what the page at {@code /} shows for a day and an optional topic. */
@Service
class HomePageService {

    /** How many of the newest days the day picker offers (the earlier/later links reach every day). */
    static final int DAY_CHOICES = 90;

    static final String UNTAGGED = "other";

    private final DigestService digests;
    private final ArticleQueries articles;
    private final Tagger tagger;
    private final SourceHealth health;
    private final PageTimes times;
    private final Clock clock;
    private final ReaderFilters filters;
    private final PublishedFeeds publishedFeeds;
    private final TopicChartBuilder charts = new TopicChartBuilder();

    HomePageService(
            DigestService digests,
            ArticleQueries articles,
            Tagger tagger,
            SourceHealth health,
            PageTimes times,
            Clock clock,
            ReaderFilters filters,
            PublishedFeeds publishedFeeds) {
        this.clock = clock;
        this.filters = filters;
        this.publishedFeeds = publishedFeeds;
        this.digests = digests;
        this.articles = articles;
        this.tagger = tagger;
        this.health = health;
        this.times = times;
    }

    /**
     * @param date  yyyy-MM-dd, or null/blank for the newest day that has articles
     * @param topic a topic slug, or null/blank for every topic
     * @throws org.her2feeds.http.InvalidRequestException when the date is malformed
     * @throws org.her2feeds.http.NotFoundException when the topic is unknown
     */
    public HomePage page(String date, String topic) {
        List<TopicDefinition> topics = tagger.topics();
        Optional<TopicDefinition> selected = filters.topic(topic);
        List<DayEntry> days = digests.days();
        LocalDate day = Optional.ofNullable(ReaderFilters.day("date", date))
                .orElseGet(() -> days.isEmpty()
                        ? LocalDate.now(clock.withZone(times.zone()))
                        : days.get(0).date());

        ArticleFilter filter =
                new ArticleFilter(selected.map(t -> Set.of(t.slug())).orElse(Set.of()), null, null, null, null);
        Digest digest = digests.digest(day, filter);
        Map<String, String> labels = topics.stream()
                .collect(Collectors.toMap(
                        TopicDefinition::slug, TopicDefinition::label, (a, b) -> a, LinkedHashMap::new));
        String selectedSlug = selected.map(TopicDefinition::slug).orElse(null);

        List<HomePage.TopicOption> options = topics.stream()
                .map(t -> new HomePage.TopicOption(t.slug(), t.label(), t.slug().equals(selectedSlug)))
                .toList();
        HomePage.TopicOption current = selected.map(t -> new HomePage.TopicOption(t.slug(), t.label(), true))
                .orElse(null);
        TopicChart chart =
                charts.build(topics, articles.topicCountsByDay(day.minusDays(TopicChartBuilder.DAYS - 1), day), day);

        return new HomePage(
                times.day(day),
                current,
                groups(digest.articles(), labels, selectedSlug),
                digest.stories().stream()
                        .map(s -> new HomePage.StoryLine(s.id(), s.title(), s.url(), s.summary()))
                        .toList(),
                digest.count(),
                navigation(day, days, selectedSlug),
                options,
                discovery(selected),
                feeds("All HER2 articles", null),
                topics.stream().map(t -> feeds(t.label(), t.slug())).toList(),
                chart,
                health.rows());
    }

    /**
     * Each article once, under its first topic in the order of topics.yml (or the filtered topic), groups in that
     * order.
     */
    private List<HomePage.TopicGroup> groups(
            List<DigestArticle> digestArticles, Map<String, String> labels, String selected) {
        List<String> order = new ArrayList<>(labels.keySet());
        Map<String, List<HomePage.ArticleView>> grouped = new LinkedHashMap<>();
        for (DigestArticle article : digestArticles) {
            String group = selected != null
                    ? selected
                    : article.topics().stream()
                            .map(DigestArticle.Topic::slug)
                            .filter(labels::containsKey)
                            .min(Comparator.comparingInt(order::indexOf))
                            .orElse(UNTAGGED);
            grouped.computeIfAbsent(group, g -> new ArrayList<>()).add(view(article, labels, order));
        }
        return grouped.entrySet().stream()
                .sorted(Comparator.comparingInt(
                        e -> order.contains(e.getKey()) ? order.indexOf(e.getKey()) : order.size()))
                .map(e -> new HomePage.TopicGroup(
                        e.getKey(), labels.getOrDefault(e.getKey(), "Other HER2 articles"), List.copyOf(e.getValue())))
                .toList();
    }

    private HomePage.ArticleView view(DigestArticle article, Map<String, String> labels, List<String> order) {
        var when = article.publishedAt() != null ? article.publishedAt() : article.firstSeenAt();
        List<HomePage.SourceLabel> sources = article.sources().stream()
                .map(s -> new HomePage.SourceLabel(s.title(), s.kind() == null ? "unspecified" : s.kind()))
                .toList();
        List<HomePage.TopicOption> chips = article.topics().stream()
                .sorted(Comparator.comparingInt(t -> order.contains(t.slug()) ? order.indexOf(t.slug()) : order.size()))
                .map(t -> new HomePage.TopicOption(t.slug(), labels.getOrDefault(t.slug(), t.label()), false))
                .toList();
        return new HomePage.ArticleView(
                article.id(),
                article.title(),
                webLink(article.url()),
                article.summaryHtml(),
                times.time(when == null ? null : when.toInstant()),
                sources,
                chips,
                article.type() == null ? null : article.type().label(),
                article.entities().trials().stream()
                        .map(t -> new HomePage.TrialLink(t.acronym() != null ? t.acronym() : t.id(), webLink(t.url())))
                        .toList(),
                article.status() == null
                        ? null
                        : new HomePage.StatusLabel(
                                ArticleStatus.label(article.status().kind()),
                                webLink(article.status().noticeUrl())));
    }

    /** The cleaner stores only http(s) links; anything else is not made clickable, whatever put it there. */
    private static String webLink(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
    }

    private HomePage.DayNavigation navigation(LocalDate day, List<DayEntry> days, String topic) {
        LocalDate earlier = days.stream()
                .map(DayEntry::date)
                .filter(d -> d.isBefore(day))
                .max(LocalDate::compareTo)
                .orElse(null);
        LocalDate later = days.stream()
                .map(DayEntry::date)
                .filter(d -> d.isAfter(day))
                .min(LocalDate::compareTo)
                .orElse(null);
        LocalDate latest = days.isEmpty() || days.get(0).date().equals(day)
                ? null
                : days.get(0).date();
        List<HomePage.DayOption> choices = new ArrayList<>(days.stream()
                .limit(DAY_CHOICES)
                .map(d -> new HomePage.DayOption(
                        d.date().toString(),
                        times.shortDay(d.date()),
                        d.count(),
                        d.date().equals(day)))
                .toList());
        if (choices.stream().noneMatch(HomePage.DayOption::selected)) {
            choices.add(new HomePage.DayOption(day.toString(), times.shortDay(day), 0, true));
            choices.sort(Comparator.comparing(HomePage.DayOption::iso).reversed());
        }
        return new HomePage.DayNavigation(
                link(earlier, topic, false),
                link(later, topic, false),
                link(latest, topic, true),
                List.copyOf(choices));
    }

    /**
     * The page of a day with the same topic filter; the newest day is linked without a date so the link stays current.
     */
    private HomePage.DayLink link(LocalDate day, String topic, boolean newest) {
        if (day == null) {
            return null;
        }
        UriComponentsBuilder href = UriComponentsBuilder.fromPath("/");
        if (!newest) {
            href.queryParam("date", day);
        }
        if (topic != null) {
            href.queryParam("topic", topic);
        }
        return new HomePage.DayLink(
                day.toString(), times.day(day).text(), href.encode().build().toUriString());
    }

    /**
     * What the head advertises to browsers and readers: the merged feed, and the filtered topic's when there is one.
     */
    private List<HomePage.FeedSet> discovery(Optional<TopicDefinition> topic) {
        List<HomePage.FeedSet> sets = new ArrayList<>();
        sets.add(feeds(publishedFeeds.title(null), null));
        topic.ifPresent(t -> sets.add(feeds(publishedFeeds.title(t), t.slug())));
        return List.copyOf(sets);
    }

    private static HomePage.FeedSet feeds(String title, String slug) {
        String base = slug == null ? "/feed" : "/topics/" + slug + "/feed";
        return new HomePage.FeedSet(title, slug, base + ".xml", base + ".atom", base + ".json");
    }
}
