package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import org.her2feeds.tagging.StoryLinks;
import org.her2feeds.tagging.StoryProfile;
import org.her2feeds.tagging.TaggableText;
import org.her2feeds.tagging.Tagger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * A story that lost a member splits into the same parts as when every pair of what remains was compared, while
 * comparing only the pairs the candidate index offers: on the labelled evaluation articles (real rules, real
 * profiles) and on a story of 1,500 members linked in a chain, where comparing every pair is quadratic.
 */
class LinkedPartsTest {

    private final StoryLinks links = new StoryLinks(Path.of("config/stories.yml"));

    @ParameterizedTest
    @ValueSource(strings = {"evidence-tuning.yml", "evidence-tuning-2.yml", "evidence-tuning-3.yml"})
    void theArticlesOfAnEvaluationSetFallIntoThePartsThatComparingEveryPairFinds(String set) throws IOException {
        Map<String, List<StoryProfile>> byStory = labelledStories(set);
        List<StoryProfile> all =
                inOrder(byStory.values().stream().flatMap(List::stream).toList());
        AtomicLong offered = new AtomicLong();
        AtomicLong everyPair = new AtomicLong();

        List<List<StoryProfile>> parts = new LinkedParts(links, counted(offered)).of(all, p -> p);

        assertThat(parts).isEqualTo(comparingEveryPair(all, everyPair));
        assertThat(parts.size()).as("some articles link, not all").isBetween(2, all.size() - 1);
        assertThat(offered.get()).isLessThan(everyPair.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"evidence-tuning.yml", "evidence-tuning-2.yml", "evidence-tuning-3.yml"})
    void eachLabelledStoryLosingAnyOneMemberSplitsAsComparingEveryPairSplitsIt(String set) throws IOException {
        int splits = 0;
        for (List<StoryProfile> story : labelledStories(set).values()) {
            List<StoryProfile> members = inOrder(story);
            for (int leaving = 0; members.size() >= 3 && leaving < members.size(); leaving++) {
                List<StoryProfile> rest = new ArrayList<>(members);
                rest.remove(leaving);
                assertThat(new LinkedParts(links).of(rest, p -> p))
                        .as("%s without member %d", story, leaving)
                        .isEqualTo(comparingEveryPair(rest, new AtomicLong()));
                splits++;
            }
        }
        assertThat(splits).isPositive();
    }

    @Test
    void aStoryOf1500MembersInAChainSplitsInTwoWithAboutOneComparisonPerMember() {
        int size = 1500;
        List<StoryProfile> chain = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            chain.add(chained(i));
        }
        List<StoryProfile> rest = new ArrayList<>(chain);
        rest.remove(size / 2);
        AtomicLong offered = new AtomicLong();
        AtomicLong everyPair = new AtomicLong();

        List<List<StoryProfile>> parts = new LinkedParts(links, counted(offered)).of(rest, p -> p);

        assertThat(parts).extracting(List::size).containsExactly(size / 2, size - size / 2 - 1);
        assertThat(parts).isEqualTo(comparingEveryPair(rest, everyPair));
        long n = rest.size();
        assertThat(offered.get()).as("comparisons").isLessThan(2 * n);
        assertThat(everyPair.get()).as("comparisons of every pair").isGreaterThan(n * n / 4);
        System.out.printf(
                "[stories] split of a %d-member chain: %d comparisons of offered pairs, %d of every pair%n",
                n, offered.get(), everyPair.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {" as the paper will say", "s as the paper will say"})
    void anArticleThatQuotedATitleBeforeItsArticleArrivedStaysInItsPart(String after) {
        String title = "trastuzumab deruxtecan after two lines of therapy in her2 low disease";
        // The quote stands deep in a long text: none of the title's words are among the quoting article's words.
        // The rules find it within a word too ("disease" in "diseases"), and so must the index.
        StoryProfile quoting = result(
                Instant.parse("2026-06-01T08:00:00Z"),
                "blog",
                "news",
                Set.of(),
                Set.of(),
                "",
                "a long commentary " + "on care ".repeat(400) + title + after,
                Set.of("commentary"));
        StoryProfile quoted = result(
                Instant.parse("2026-06-01T09:00:00Z"),
                "journal",
                "journal",
                Set.of(),
                Set.of(),
                title,
                title,
                Set.of("deruxtecan", "lines", "therapy", "low", "disease"));
        List<StoryProfile> rest = List.of(quoting, quoted);
        assertThat(links.link(quoting, quoted)).isPresent();

        assertThat(new LinkedParts(links).of(rest, p -> p))
                .isEqualTo(comparingEveryPair(rest, new AtomicLong()))
                .containsExactly(rest);
    }

    /** A news item that cites the one before it in the chain, all of one morning. */
    private static StoryProfile chained(int i) {
        return result(
                Instant.parse("2026-06-01T08:00:00Z").plusSeconds(i),
                "news-" + i,
                "news",
                Set.of("10.5555/chain." + i),
                i == 0 ? Set.of() : Set.of("10.5555/chain." + (i - 1)),
                "",
                "chain report number " + i,
                Set.of("w" + i));
    }

    /** A result with no trial, drug or figure: it links only by an identifier, a quoted title or its words. */
    private static StoryProfile result(
            Instant at,
            String source,
            String kind,
            Set<String> ownIds,
            Set<String> citedIds,
            String titleKey,
            String textKey,
            Set<String> words) {
        return new StoryProfile(
                at,
                source,
                kind,
                "journal".equals(kind) ? "trial-result" : "news",
                "result",
                Set.of(),
                Set.of(),
                Set.of(),
                ownIds,
                citedIds,
                titleKey,
                textKey,
                words,
                words,
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of());
    }

    private BiPredicate<StoryProfile, StoryProfile> counted(AtomicLong comparisons) {
        return (earlier, later) -> {
            comparisons.incrementAndGet();
            return links.link(earlier, later).isPresent();
        };
    }

    /** The reference: every pair of members in order compared, unless already in one part. */
    private List<List<StoryProfile>> comparingEveryPair(List<StoryProfile> ordered, AtomicLong comparisons) {
        int[] parent = new int[ordered.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < ordered.size(); i++) {
            for (int j = i + 1; j < ordered.size(); j++) {
                if (root(parent, i) != root(parent, j) && counted(comparisons).test(ordered.get(i), ordered.get(j))) {
                    parent[root(parent, j)] = root(parent, i);
                }
            }
        }
        Map<Integer, List<StoryProfile>> byRoot = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            byRoot.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(ordered.get(i));
        }
        return List.copyOf(byRoot.values());
    }

    private static int root(int[] parent, int i) {
        int r = i;
        while (parent[r] != r) {
            r = parent[r];
        }
        return r;
    }

    /** In order of appearance, as the store orders a story's members (ties by text, for a stable order). */
    private static List<StoryProfile> inOrder(List<StoryProfile> profiles) {
        List<StoryProfile> ordered = new ArrayList<>(profiles);
        ordered.sort(Comparator.comparing(StoryProfile::at).thenComparing(StoryProfile::textKey));
        return ordered;
    }

    /** The profiles of a labelled set's articles (those that can be in a story), by the story they are labelled. */
    @SuppressWarnings("unchecked")
    private Map<String, List<StoryProfile>> labelledStories(String set) throws IOException {
        Tagger tagger = Tagger.fromFiles(Path.of("config/topics.yml"), Path.of("config/evidence.yml"));
        Map<String, List<StoryProfile>> byStory = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(Path.of("src/test/resources/evidence", set))) {
            Map<String, Object> document = new Yaml().load(reader);
            for (Map<String, Object> item : (List<Map<String, Object>>) document.get("items")) {
                Map<String, Object> source = (Map<String, Object>) item.get("source");
                TaggableText text = new TaggableText(
                        (String) item.get("title"),
                        (String) item.get("summary"),
                        "",
                        (List<String>) item.getOrDefault("categories", List.of()),
                        (String) source.get("kind"),
                        (String) item.get("link"));
                Optional<StoryProfile> profile = links.profile(
                        text,
                        tagger.tag(text).evidence(),
                        (String) source.get("id"),
                        (String) item.get("doi"),
                        item.get("pmid") == null ? null : item.get("pmid").toString(),
                        published(item.get("published")));
                String story = item.get("story") == null
                        ? "none-" + item.get("id")
                        : item.get("story").toString();
                profile.ifPresent(p ->
                        byStory.computeIfAbsent(story, k -> new ArrayList<>()).add(p));
            }
        }
        return byStory;
    }

    private static Instant published(Object value) {
        return value instanceof Date date
                ? date.toInstant()
                : LocalDate.parse(value.toString()).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
