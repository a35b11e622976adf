package org.her2feeds.web;

import java.util.List;

/**
 * Everything the page at {@code /} shows, already decided: the template only lays it out.
 *
 * @param topic  the topic the reader filtered by; null for all topics
 * @param groups the day's articles, each under its first topic (in the order of topics.yml)
 * @param stories the stories one of the day's articles belongs to, newest coverage first
 */
record HomePage(
        Day day,
        TopicOption topic,
        List<TopicGroup> groups,
        List<StoryLine> stories,
        int articleCount,
        DayNavigation navigation,
        List<TopicOption> topics,
        List<FeedSet> discovery,
        FeedSet mergedFeeds,
        List<FeedSet> topicFeeds,
        TopicChart chart,
        List<SourceHealthRow> sources) {

    /** A calendar day of the digest, as a link parameter and as words. */
    public record Day(String iso, String text) {}

    public record TopicOption(String slug, String label, boolean selected) {}

    /**
     * One story: its title (linked to its most authoritative member) and what it holds, e.g. "DESTINY-Breast09:
     * trial result in a journal, 3 news reports, 1 approval".
     */
    public record StoryLine(String id, String title, String url, String summary) {}

    public record TopicGroup(String slug, String label, List<ArticleView> articles) {}

    /**
     * One article.
     *
     * @param url         an http(s) link, or null when the article has none
     * @param summaryHtml sanitised by the cleaner before it was stored; the only markup the page writes unescaped
     * @param type        the publication type's label ("Trial result"); null before the archive is re-evaluated
     */
    public record ArticleView(
            String id,
            String title,
            String url,
            String summaryHtml,
            Time time,
            List<SourceLabel> sources,
            List<TopicOption> topics,
            String type,
            List<TrialLink> trials,
            StatusLabel status) {}

    /** What a notice made of the article ("Retracted"), and the notice; null when none names it. */
    public record StatusLabel(String text, String noticeUrl) {}

    /** A trial the article names, linked to its registry page when its id is known. */
    public record TrialLink(String name, String url) {}

    public record SourceLabel(String title, String kind) {}

    /** A moment shown to readers, and in machine-readable form for {@code <time datetime>}. */
    public record Time(String iso, String text) {}

    /** Links to the neighbouring days that have articles (keeping the topic filter); null where there is none. */
    public record DayNavigation(DayLink earlier, DayLink later, DayLink latest, List<DayOption> days) {}

    /** @param href the page for that day, relative to the application's root */
    public record DayLink(String iso, String text, String href) {}

    public record DayOption(String iso, String text, long count, boolean selected) {}

    /** One feed in its three formats. */
    public record FeedSet(String title, String slug, String rss, String atom, String json) {}
}
