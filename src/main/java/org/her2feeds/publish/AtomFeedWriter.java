package org.her2feeds.publish;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.her2feeds.store.StoredArticle;
import org.her2feeds.tagging.TopicTag;
import org.springframework.stereotype.Component;

/**
 * Writes Atom 1.0 with Rome's Atom model. Atom ids must be IRIs, so an article's id is written as a tag URI
 * (RFC 4151) ending in the same id the RSS GUID and the JSON Feed carry: {@link #entryId(String)}.
 */
@Component
class AtomFeedWriter {

    static final String ID_PREFIX = "tag:her2feeds,2026:article/";

    /** The Atom id of an article: fixed, whatever host the feed is read from. */
    static String entryId(String articleId) {
        return ID_PREFIX + articleId;
    }

    String write(FeedDocument document) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(document.selfUrl());
        feed.setTitle(XmlText.of(document.title()));
        Content subtitle = new Content();
        subtitle.setType(Content.TEXT);
        subtitle.setValue(XmlText.of(document.description()));
        feed.setSubtitle(subtitle);
        feed.setUpdated(Date.from(document.updatedAt()));
        feed.setLanguage("en");
        Generator generator = new Generator();
        generator.setValue(XmlText.of(document.publisher()));
        feed.setGenerator(generator);
        Person author = new Person();
        author.setName(XmlText.of(document.publisher()));
        author.setUri(document.homeUrl());
        feed.setAuthors(List.of(author));
        feed.setAlternateLinks(List.of(link("alternate", document.homeUrl(), "text/html")));
        List<Link> links = new ArrayList<>();
        links.add(link("self", document.selfUrl(), FeedFormat.ATOM.mediaType()));
        if (document.hub() != null) {
            links.add(link("hub", document.hub(), null));
        }
        feed.setOtherLinks(links);

        feed.setEntries(document.articles().stream()
                .map(AtomFeedWriter::entry)
                .collect(Collectors.toCollection(ArrayList::new)));
        return XmlFeedOutput.write(feed, document.articles().size());
    }

    private static Entry entry(FeedArticle feedArticle) {
        StoredArticle article = feedArticle.article();
        Entry entry = new Entry();
        entry.setId(entryId(article.id()));
        entry.setTitle(XmlText.of(feedArticle.displayTitle()));
        if (article.url() != null) {
            entry.setAlternateLinks(List.of(link("alternate", article.url(), null)));
        }
        entry.setPublished(Date.from(article.sortAt()));
        entry.setUpdated(Date.from(lastChange(article)));
        Content summary = new Content();
        summary.setType(Content.HTML);
        summary.setValue(XmlText.of(FeedSummary.html(article)));
        entry.setSummary(summary);
        if (article.url() == null) {
            // Atom requires an entry without an alternate link to carry its content (RFC 4287, 4.1.2).
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(summary.getValue());
            entry.setContents(List.of(content));
        }
        List<Category> categories = new ArrayList<>();
        for (TopicTag topic : article.topics()) {
            Category category = new Category();
            category.setTerm(topic.slug());
            category.setLabel(XmlText.of(topic.label()));
            category.setScheme(feedArticle.topicDomain());
            categories.add(category);
        }
        if (feedArticle.type() != null) {
            Category type = new Category();
            type.setTerm(feedArticle.type().slug());
            type.setLabel(XmlText.of(feedArticle.type().label()));
            type.setScheme(feedArticle.typeDomain());
            categories.add(type);
        }
        entry.setCategories(categories);
        List<SyndPerson> authors = new ArrayList<>();
        for (String name : article.authors()) {
            Person person = new Person();
            person.setName(XmlText.of(name));
            authors.add(person);
        }
        entry.setAuthors(authors);
        return entry;
    }

    /**
     * An entry's atom:updated: its own date until the stored article changes after first sight, then the time of
     * that change. Storing a feed is not a change of its articles: stamping them all with the moment they were
     * stored would give every entry of a fetch the same atom:updated (which the W3C validator flags as a
     * generator bug) and say nothing a reader can use.
     */
    static Instant lastChange(StoredArticle article) {
        if (article.updatedAt().isAfter(article.firstSeenAt())
                && article.updatedAt().isAfter(article.sortAt())) {
            return article.updatedAt();
        }
        return article.sortAt();
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }
}
