package org.her2feeds.publish;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.rss.Source;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.her2feeds.store.StoredArticle;
import org.her2feeds.tagging.TopicTag;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.springframework.stereotype.Component;

/**
 * Writes RSS 2.0 with Rome. The channel is built directly (not through Rome's synd model) so every element
 * the readers rely on is explicit: a permanent GUID, one category per topic, the source it came from.
 */
@Component
class RssFeedWriter {

    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    String write(FeedDocument document) {
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(XmlText.of(document.title()));
        channel.setLink(document.homeUrl());
        channel.setDescription(XmlText.of(document.description()));
        channel.setLanguage("en");
        channel.setGenerator(XmlText.of(document.publisher()));
        channel.setTtl((int) Math.max(1, document.ttl().toMinutes()));
        channel.setLastBuildDate(Date.from(document.updatedAt()));
        channel.setPubDate(Date.from(document.updatedAt()));
        // atom:link rel="self" (the RSS Advisory Board's recommendation), as foreign markup: Rome core writes it as is.
        List<Element> links = new ArrayList<>();
        links.add(new Element("link", ATOM)
                .setAttribute("href", document.selfUrl())
                .setAttribute("type", FeedFormat.RSS.mediaType())
                .setAttribute("rel", "self"));
        if (document.hub() != null) {
            // WebSub 4: the hub link beside the self link, which is the topic URL the hub is told about.
            links.add(new Element("link", ATOM)
                    .setAttribute("href", document.hub())
                    .setAttribute("rel", "hub"));
        }
        channel.setForeignMarkup(links);

        channel.setItems(
                document.articles().stream().map(RssFeedWriter::item).collect(Collectors.toCollection(ArrayList::new)));
        return XmlFeedOutput.write(channel, document.articles().size());
    }

    private static Item item(FeedArticle feedArticle) {
        StoredArticle article = feedArticle.article();
        Item item = new Item();
        item.setTitle(XmlText.of(feedArticle.displayTitle()));
        // An article without a link of its own gets none: a reader opening the service's JSON would see no article.
        if (article.url() != null) {
            item.setLink(article.url());
        }
        Guid guid = new Guid();
        guid.setPermaLink(false);
        guid.setValue(article.id());
        item.setGuid(guid);
        Description description = new Description();
        description.setType("text/html");
        description.setValue(XmlText.of(FeedSummary.html(article)));
        item.setDescription(description);
        item.setPubDate(Date.from(article.sortAt()));
        List<Category> categories = new ArrayList<>();
        for (TopicTag topic : article.topics()) {
            Category category = new Category();
            category.setDomain(feedArticle.topicDomain());
            category.setValue(topic.slug());
            categories.add(category);
        }
        if (feedArticle.type() != null) {
            Category type = new Category();
            type.setDomain(feedArticle.typeDomain());
            type.setValue(feedArticle.type().slug());
            categories.add(type);
        }
        item.setCategories(categories);
        if (feedArticle.sourceTitle() != null && feedArticle.sourceUrl() != null) {
            Source source = new Source();
            source.setUrl(feedArticle.sourceUrl());
            source.setValue(XmlText.of(feedArticle.sourceTitle()));
            item.setSource(source);
        }
        if (!article.authors().isEmpty()) {
            DCModule dc = new DCModuleImpl();
            dc.setCreators(article.authors().stream().map(XmlText::of).toList());
            List<Module> modules = new ArrayList<>(item.getModules());
            modules.add(dc);
            item.setModules(modules);
        }
        return item;
    }
}
