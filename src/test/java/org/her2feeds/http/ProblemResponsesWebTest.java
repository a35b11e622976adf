package org.her2feeds.http;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.her2feeds.publish.FeedProperties;
import org.her2feeds.sources.SourceCatalog;
import org.her2feeds.store.ArticleQueries;
import org.her2feeds.store.ArticleVersion;
import org.her2feeds.store.DigestZoneProperties;
import org.her2feeds.store.StoryQueries;
import org.her2feeds.tagging.Tagger;
import org.her2feeds.tagging.TopicDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web slice of the public outputs: a request the service cannot honour is answered by the controller as an
 * RFC 9457 problem ({@code application/problem+json}) whose detail says what to change. The controllers, the
 * services that check the parameters and the HTTP machinery are the real ones; the archive, topics and sources
 * are stand-ins. Security filters are left out: what is checked here is the mapping, not who may ask.
 */
@WebMvcTest(
        useDefaultFilters = false,
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = {
                            "org\\.her2feeds\\.http\\..*",
                            "org\\.her2feeds\\.query\\..*",
                            "org\\.her2feeds\\.publish\\.(FeedController|FeedService|FeedRenderer|.*FeedWriter)",
                            "org\\.her2feeds\\.publish\\.FeedHub",
                            "org\\.her2feeds\\.publish\\.PublishedFeeds",
                            "org\\.her2feeds\\.digest\\.(DigestController|DigestOutputs|DigestService|StoryService)",
                            "org\\.her2feeds\\.digest\\.(ArticleController|ArticleService|DigestArticles)"
                        }))
@AutoConfigureMockMvc(addFilters = false)
class ProblemResponsesWebTest {

    /** The slice does not scan for configuration properties: the ones the included classes bind. */
    @TestConfiguration
    @Import({org.her2feeds.digest.DigestSliceProperties.class, org.her2feeds.publish.PublishSliceProperties.class})
    @EnableConfigurationProperties({
        RequestLimits.Properties.class,
        RenderCacheProperties.class,
        PublicUrlProperties.class,
        PortalProperties.class,
        FeedProperties.class,
        DigestZoneProperties.class
    })
    static class Properties {}

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Tagger tagger;

    @MockitoBean
    SourceCatalog sources;

    @MockitoBean
    ArticleQueries articles;

    @MockitoBean
    StoryQueries stories;

    @MockitoBean
    ArticleVersion version;

    @BeforeEach
    void topics() {
        when(tagger.topics())
                .thenReturn(List.of(
                        new TopicDefinition("adc", "Antibody-drug conjugates", null),
                        new TopicDefinition("her2-testing", "HER2 testing", null)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /topics/nope/feed.xml              | 404 | Unknown topic 'nope'. Valid topics: adc, her2-testing.
            /topics/nope/feed.json             | 404 | Unknown topic 'nope'
            /feed.atom?topic=adc,nope          | 404 | Unknown topic 'nope'
            /api/digests/2025-03-10?topic=nope | 404 | Unknown topic 'nope'
            /api/articles?topic=nope           | 404 | Unknown topic 'nope'
            /api/articles/0123456789abcdef     | 404 | No published article has id '0123456789abcdef'
            /api/digests/2025-02-30            | 400 | date '2025-02-30' is not a date: use yyyy-MM-dd
            /api/digests?from=2025-03-01&to=x  | 400 | to 'x' is not a date
            /api/digests?from=2025-03-01       | 400 | Give both from and to
            /api/articles?since=yesterday      | 400 | since 'yesterday' is neither a day
            /feed.xml?limit=0                  | 400 | limit must be between 1 and 500, not 0.
            /topics/adc/feed.json?limit=501    | 400 | limit must be between 1 and 500, not 501.
            /api/articles?limit=0              | 400 | limit must be between 1 and 500, not 0.
            /feed.json?kind=blog               | 400 | Unknown kind 'blog'. Valid kinds:
            """)
    void aRequestTheServiceCannotHonourIsAProblemThatSaysWhy(String path, int status, String detail) throws Exception {
        mvc.perform(get(path))
                .andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").value(containsString(detail)))
                .andExpect(jsonPath("$.instance").value(path.replaceAll("\\?.*", "")));
    }
}
