package org.her2feeds.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.her2feeds.http.InvalidRequestException;
import org.her2feeds.http.NotFoundException;
import org.her2feeds.sources.Source;
import org.her2feeds.sources.SourceCatalog;
import org.her2feeds.sources.SourceKind;
import org.her2feeds.store.ArticleFilter;
import org.her2feeds.tagging.Evidence;
import org.her2feeds.tagging.Tagger;
import org.her2feeds.tagging.TopicDefinition;
import org.springframework.stereotype.Component;

/**
 * Turns the {@code topic} and {@code kind} parameters every output accepts into filters, refusing names that do
 * not exist: a typo must be an error the reader sees, not a silently empty feed.
 */
@Component
public class ReaderFilters {

    private static final int DAY_LENGTH = "yyyy-MM-dd".length();

    /** The longest {@code q} accepted, in characters: enough for a title, and a bound on what one search parses. */
    private static final int MAX_SEARCH_LENGTH = 200;

    /** The most words a {@code q} may hold: each is one more index lookup that every match must pass. */
    private static final int MAX_SEARCH_WORDS = 12;

    private final Tagger tagger;
    private final SourceCatalog sources;

    ReaderFilters(Tagger tagger, SourceCatalog sources) {
        this.tagger = tagger;
        this.sources = sources;
    }

    /** @throws NotFoundException naming the valid slugs when a topic is unknown */
    public Set<String> topics(Collection<String> requested) {
        Set<String> slugs = normalise(requested);
        slugs.forEach(this::topic);
        return slugs;
    }

    /**
     * The {@code type}, {@code trial} and {@code drug} parameters as one filter; each accepts several values (any
     * of them matches). A drug may be named by its INN, a brand or a code; a trial by a registry id or a curated
     * acronym.
     *
     * @throws InvalidRequestException naming the value that is not a known type, trial or drug
     */
    public ArticleFilter.EvidenceFilter evidence(Selection query) {
        if (query == null) {
            return ArticleFilter.EvidenceFilter.ANY;
        }
        List<String> types = query.type();
        List<String> trials = query.trial();
        List<String> drugs = query.drug();
        Set<String> typeKeys = new LinkedHashSet<>();
        List<String> known = tagger.types().stream().map(TopicDefinition::slug).toList();
        for (String type : normalise(types)) {
            if (!known.contains(type)) {
                throw new InvalidRequestException(
                        "Unknown type '" + type + "'. Valid types: " + String.join(", ", known) + ".");
            }
            typeKeys.add(Evidence.key(type));
        }
        Set<String> trialKeys = new LinkedHashSet<>();
        for (String trial : values(trials)) {
            trialKeys.add(tagger.trialKey(trial)
                    .orElseThrow(() -> new InvalidRequestException("Unknown trial '" + trial + "': give a registry id "
                            + "(NCT04784715, EU CT 2023-501234-12-00, …) or a trial acronym of config/evidence.yml.")));
        }
        Set<String> drugKeys = new LinkedHashSet<>();
        for (String drug : values(drugs)) {
            drugKeys.add(tagger.drugKey(drug)
                    .orElseThrow(() -> new InvalidRequestException("Unknown drug '" + drug + "': give a HER2-directed "
                            + "drug's INN, brand or code (for example trastuzumab deruxtecan, Enhertu, T-DXd).")));
        }
        return new ArticleFilter.EvidenceFilter(typeKeys, trialKeys, drugKeys);
    }

    /** Values as given ({@code ?drug=a,b} or repeated), trimmed, blanks dropped; case kept for names. */
    private static List<String> values(Collection<String> values) {
        List<String> result = new java.util.ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    String trimmed = part.trim();
                    if (!trimmed.isEmpty()) {
                        result.add(trimmed);
                    }
                }
            }
        }
        return result;
    }

    /**
     * The one topic a page or feed is about, or empty when none was asked for.
     *
     * @throws NotFoundException naming the valid slugs when the topic is unknown
     */
    public Optional<TopicDefinition> topic(String requested) {
        if (requested == null || requested.isBlank()) {
            return Optional.empty();
        }
        String slug = requested.strip().toLowerCase(Locale.ROOT);
        List<TopicDefinition> known = tagger.topics();
        return Optional.of(known.stream()
                .filter(topic -> topic.slug().equals(slug))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Unknown topic '" + slug + "'. Valid topics: "
                        + known.stream().map(TopicDefinition::slug).collect(Collectors.joining(", ")) + ".")));
    }

    /**
     * The words of a search ({@code q}), stripped, or null when absent or blank (no search: the newest articles).
     *
     * @throws InvalidRequestException when it is longer than {@link #MAX_SEARCH_LENGTH} characters or has more
     *     than {@link #MAX_SEARCH_WORDS} words
     */
    public static String searchWords(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String words = q.strip();
        if (words.length() > MAX_SEARCH_LENGTH) {
            throw new InvalidRequestException(
                    "q is " + words.length() + " characters long; at most " + MAX_SEARCH_LENGTH + " are accepted.");
        }
        int count = words.split("\\s+").length;
        if (count > MAX_SEARCH_WORDS) {
            throw new InvalidRequestException(
                    "q has " + count + " words; at most " + MAX_SEARCH_WORDS + " are accepted (all must match).");
        }
        return words;
    }

    /**
     * A day parameter ({@code yyyy-MM-dd}), or null when absent.
     *
     * @throws InvalidRequestException naming the parameter, the value and the expected form
     */
    public static LocalDate day(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(
                    parameter + " '" + text.strip() + "' is not a date: use yyyy-MM-dd, " + "for example 2026-11-29.");
        }
    }

    /**
     * A moment given as a day (its start in {@code zone}) or as a time with offset, or null when absent.
     *
     * @throws InvalidRequestException naming the parameter, the value and the expected forms
     */
    public static Instant dayOrTime(String parameter, String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return value.length() == DAY_LENGTH
                    ? LocalDate.parse(value).atStartOfDay(zone).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(parameter + " '" + value + "' is neither a day (yyyy-MM-dd) nor a time "
                    + "with offset (for example 2026-11-29T08:00:00Z).");
        }
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
                        .orElseThrow(() -> new InvalidRequestException(
                                "Unknown kind '" + slug + "'. Valid kinds: " + SourceKind.slugs() + ".")))
                .collect(Collectors.toSet());
        return sources.all().stream()
                .filter(source -> kinds.contains(source.kind()))
                .map(Source::id)
                .collect(Collectors.toSet());
    }

    /** Accepts {@code ?topic=a,b} as well as {@code ?topic=a&topic=b}; ignores case and blanks. */
    static Set<String> normalise(Collection<String> values) {
        Set<String> result = new LinkedHashSet<>();
        values(values).forEach(value -> result.add(value.toLowerCase(Locale.ROOT)));
        return result;
    }
}
