package org.her2feeds.publish;

import org.her2feeds.store.StoredArticle;
import org.her2feeds.tagging.TopicTag;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes JSON Feed 1.1 (https://jsonfeed.org/version/1.1) with Jackson. Its keys are snake_case by that
 * specification, unlike the service's own JSON API. Text gets the same control-character clean-up as the XML
 * formats, so the three formats carry identical titles.
 */
@Component
class JsonFeedWriter {

    static final String VERSION = "https://jsonfeed.org/version/1.1";

    private final JsonMapper json;

    JsonFeedWriter(JsonMapper json) {
        this.json = json;
    }

    byte[] write(FeedDocument document) {
        ObjectNode feed = json.createObjectNode();
        feed.put("version", VERSION);
        feed.put("title", document.title());
        feed.put("home_page_url", document.homeUrl());
        feed.put("feed_url", document.selfUrl());
        feed.put("description", document.description());
        feed.put("language", "en");
        if (document.hub() != null) {
            feed.putArray("hubs").addObject().put("type", "WebSub").put("url", document.hub());
        }
        feed.putArray("authors")
                .addObject()
                .put("name", XmlText.of(document.publisher()))
                .put("url", document.homeUrl());
        ArrayNode items = feed.putArray("items");
        for (FeedArticle feedArticle : document.articles()) {
            StoredArticle article = feedArticle.article();
            ObjectNode item = items.addObject();
            item.put("id", article.id());
            if (article.url() != null) {
                item.put("url", article.url());
            }
            item.put("title", XmlText.of(feedArticle.displayTitle()));
            item.put("content_html", XmlText.of(FeedSummary.html(article)));
            item.put("summary", XmlText.of(article.summaryText()));
            item.put("date_published", article.sortAt().toString());
            item.put("date_modified", article.updatedAt().toString());
            if (!article.authors().isEmpty()) {
                ArrayNode authors = item.putArray("authors");
                article.authors().forEach(name -> authors.addObject().put("name", XmlText.of(name)));
            }
            if (!article.topics().isEmpty()) {
                ArrayNode tags = item.putArray("tags");
                article.topics().stream().map(TopicTag::slug).forEach(tags::add);
            }
            if (feedArticle.type() != null) {
                // JSON Feed's tags are untyped; an extension object (JSON Feed 1.1: keys starting with "_") keeps
                // the publication type apart from the topics.
                item.putObject("_her2").put("type", feedArticle.type().slug());
            }
        }
        return json.writeValueAsBytes(feed);
    }
}
