package org.her2feeds.query;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.her2feeds.http.InvalidRequestException;
import org.her2feeds.http.NotFoundException;
import org.her2feeds.sources.Source;
import org.her2feeds.sources.SourceCatalog;
import org.her2feeds.sources.SourceKind;
import org.her2feeds.tagging.Tagger;
import org.her2feeds.tagging.TopicDefinition;
import org.springframework.stereotype.Component;

/**
 * Turns the {@code topic} and {@code kind} parameters every output accepts into filters, refusing names that do
 * not exist: a typo must be an error the reader sees, not a silently empty feed.
 */
@Component
public class ReaderFilters {

    private final Tagger tagger;
    private final SourceCatalog sources;

    ReaderFilters(Tagger tagger, SourceCatalog sources) {
        this.tagger = tagger;
        this.sources = sources;
    }

    /** @throws NotFoundException naming the valid slugs when a topic is unknown */
    public Set<String> topics(Collection<String> requested) {
        Set<String> slugs = normalise(requested);
        List<String> known = tagger.topics().stream().map(TopicDefinition::slug).toList();
        for (String slug : slugs) {
            if (!known.contains(slug)) {
                throw new NotFoundException(
                        "Unknown topic '" + slug + "'. Valid topics: " + String.join(", ", known) + ".");
            }
        }
        return slugs;
    }

    /**
     * @return the ids of the sources of any of the kinds, or null when no kind was asked for
     * @throws InvalidRequestException naming the valid kinds when a kind is unknown
     */
    public Set<String> sourceIdsOfKinds(Collection<String> requested) {
        Set<String> slugs = normalise(requested);
        if (slugs.isEmpty()) {
            return null;
        }
        Set<SourceKind> kinds = slugs.stream()
                .map(slug -> SourceKind.fromSlug(slug)
                        .orElseThrow(() -> new InvalidRequestException("Unknown kind '" + slug + "'. Valid kinds: "
                                + Arrays.stream(SourceKind.values())
                                        .map(SourceKind::slug)
                                        .collect(Collectors.joining(", "))
                                + ".")))
                .collect(Collectors.toSet());
        return sources.all().stream()
                .filter(source -> kinds.contains(source.kind()))
                .map(Source::id)
                .collect(Collectors.toSet());
    }

    /** Accepts {@code ?topic=a,b} as well as {@code ?topic=a&topic=b}; ignores case and blanks. */
    static Set<String> normalise(Collection<String> values) {
        Set<String> result = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    String slug = part.trim().toLowerCase(Locale.ROOT);
                    if (!slug.isEmpty()) {
                        result.add(slug);
                    }
                }
            }
        }
        return result;
    }
}
