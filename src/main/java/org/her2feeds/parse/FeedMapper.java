package org.her2feeds.parse;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;

/** Reads an XML tree with Rome and maps it, with the raw values Rome drops, to a {@link ParsedFeed}. */
final class FeedMapper {

    private final DatePolicy dates;

    FeedMapper(DatePolicy dates) {
        this.dates = dates;
    }

    ParsedFeed map(Document document, boolean repaired) throws FeedParseException {
        Element root = document.getRootElement();
        LegacyShapes.adjust(root);
        SyndFeed feed = readWithRome(document);
        List<SyndEntry> entries = feed.getEntries();
        List<Element> items = itemElements(root);
        boolean itemsMatch = items.size() == entries.size();
        List<ParsedEntry> parsed = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            RawItem raw = itemsMatch ? RawItem.of(items.get(i)) : RawItem.absent();
            parsed.add(entry(entries.get(i), raw, isRdf(root)));
        }
        String title = trimToNull(feed.getTitle());
        DCModule feedDc = (DCModule) feed.getModule(DCModule.URI);
        if (title == null && feedDc != null) {
            title = trimToNull(feedDc.getTitle());
        }
        return new ParsedFeed(
                C1Controls.remap(title),
                feedLink(feed),
                RawItem.xmlBases(channel(root)),
                feed.getFeedType(),
                PublisherTtl.minutes(channel(root)),
                parsed,
                repaired);
    }

    private static SyndFeed readWithRome(Document document) throws FeedParseException {
        SyndFeedInput input = new SyndFeedInput();
        input.setPreserveWireFeed(true);
        input.setXmlHealerOn(false);
        try {
            return input.build(document);
        } catch (IllegalArgumentException notAFeed) {
            // Rome's way of saying no parser recognised the root element.
            throw notAFeed(document.getRootElement(), notAFeed);
        } catch (FeedException e) {
            throw new FeedParseException("invalid feed: " + e.getMessage(), e);
        } catch (RuntimeException romeFailure) {
            // Rome trusts some structure (a channel, valid base64) and fails with whatever exception follows.
            throw new FeedParseException("invalid feed: Rome could not read it (" + romeFailure + ")", romeFailure);
        }
    }

    private static FeedParseException notAFeed(Element root, Exception cause) {
        String name = root.getName();
        if (name.equalsIgnoreCase("html")) {
            return new FeedParseException("not a feed (HTML page)", cause);
        }
        String namespace = root.getNamespaceURI().isEmpty() ? "" : " in namespace " + root.getNamespaceURI();
        return new FeedParseException(
                "not a feed: root element <" + root.getQualifiedName() + ">" + namespace + " is not RSS, RDF or Atom",
                cause);
    }

    private static boolean isRdf(Element root) {
        return root.getName().equals("RDF");
    }

    /** Atom's alternate link; Rome gives the first link of any relation (often rel="self") when none exists. */
    private static String feedLink(SyndFeed feed) {
        if (feed.originalWireFeed() instanceof Feed atom) {
            return atom.getAlternateLinks().stream()
                    .map(Link::getHref)
                    .map(FeedMapper::trimToNull)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
        }
        return trimToNull(feed.getLink());
    }

    static Element channel(Element root) {
        if (root.getName().equals("feed")) {
            return root;
        }
        for (Element child : root.getChildren()) {
            if (child.getName().equals("channel")) {
                return child;
            }
        }
        return null;
    }

    /** The item elements in the order Rome reads them (RSS in the channel, RDF beside it, Atom in the feed). */
    private static List<Element> itemElements(Element root) {
        Element channel = channel(root);
        if (channel == null) {
            return List.of();
        }
        String name = root.getName().equals("feed") ? "entry" : "item";
        Element parent = root.getName().equals("rss") ? channel : root;
        return parent.getChildren(name, channel.getNamespace());
    }

    private ParsedEntry entry(SyndEntry entry, RawItem raw, boolean rdf) {
        String guid = guid(entry, rdf);
        Element linkElement = raw.linkElement();
        String link = linkElement != null ? RawItem.linkValue(linkElement) : trimToNull(entry.getLink());
        List<String> bases = RawItem.xmlBases(linkElement != null ? linkElement : raw.element());
        List<String> identifiers = new ArrayList<>(raw.identifierTexts());
        DCModule dc = (DCModule) entry.getModule(DCModule.URI);
        if (dc != null) {
            identifiers.addAll(dc.getIdentifiers());
        }
        List<String> ownLinks = new ArrayList<>();
        ownLinks.add(guid);
        ownLinks.add(link);
        ownLinks.addAll(raw.ownLinkTexts());
        String description = description(entry, dc);
        String content = raw.element() != null ? raw.contentHtml() : romeContent(entry);
        String summary = description != null ? description : content;
        ArticleIds.Found ids = ArticleIds.find(identifiers, ownLinks, MarkupText.of(description));
        String title = trimToNull(entry.getTitle());
        if (title == null && dc != null) {
            title = trimToNull(dc.getTitle());
        }
        return new ParsedEntry(
                guid,
                link,
                bases,
                C1Controls.remap(title),
                C1Controls.remap(summary),
                content == null || content.equals(summary) ? null : C1Controls.remap(content),
                authors(entry, dc),
                categories(entry),
                dates.decide(raw.publishedTexts(), entry.getPublishedDate()),
                dates.decide(raw.updatedTexts(), entry.getUpdatedDate()),
                ids.doi(),
                ids.pmid(),
                RawItem.linkValue(raw.enclosureElement()));
    }

    /**
     * The feed's own identifier for the item: RSS guid, the RDF item's rdf:about (which Rome keeps as the item
     * URI) or the Atom id. Rome's entry URI falls back to the link in RSS 2.0, which is not an identifier.
     */
    private static String guid(SyndEntry entry, boolean rdf) {
        Object wire = entry.getWireEntry();
        if (wire instanceof Item item) {
            if (item.getGuid() != null) {
                return trimToNull(item.getGuid().getValue());
            }
            return rdf ? trimToNull(item.getUri()) : null;
        }
        if (wire instanceof Entry atom) {
            return trimToNull(atom.getId());
        }
        return null;
    }

    /** The description (RSS description, Atom summary, dc:description); null when there is none. */
    private static String description(SyndEntry entry, DCModule dc) {
        SyndContent description = entry.getDescription();
        if (description != null
                && description.getValue() != null
                && !description.getValue().isBlank()) {
            return description.getValue();
        }
        return dc == null ? null : trimToNull(dc.getDescription());
    }

    /** Rome's first non-blank content, used when the item's element could not be matched to Rome's entry. */
    private static String romeContent(SyndEntry entry) {
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && !content.getValue().isBlank()) {
                return content.getValue();
            }
        }
        return null;
    }

    private static List<String> authors(SyndEntry entry, DCModule dc) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndPerson person : entry.getAuthors()) {
            addTrimmed(names, person.getName() != null ? person.getName() : person.getEmail());
        }
        if (dc != null) {
            dc.getCreators().forEach(creator -> addTrimmed(names, creator));
        }
        addTrimmed(names, entry.getAuthor());
        return List.copyOf(names);
    }

    private static List<String> categories(SyndEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndCategory category : entry.getCategories()) {
            addTrimmed(names, category.getName());
        }
        return List.copyOf(names);
    }

    private static void addTrimmed(Set<String> set, String value) {
        String trimmed = C1Controls.remap(trimToNull(value));
        if (trimmed != null) {
            set.add(trimmed);
        }
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
