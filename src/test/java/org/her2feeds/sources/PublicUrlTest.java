package org.her2feeds.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the public sees of a source URL. */
class PublicUrlTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://user:pw@feeds.example/rss | https://***@feeds.example/rss",
                "https://feeds.example/rss?api_key=abc&term=her2 | https://feeds.example/rss?api_key=***&term=her2",
                "https://f.example/?apiKey=a&accessToken=b&client_secret=c&sig=d&keywords=her2"
                        + " | https://f.example/?apiKey=***&accessToken=***&client_secret=***&sig=***&keywords=her2",
                "https://feeds.example/rss?TOKEN=a&Password=b&x-api-key=c"
                        + " | https://feeds.example/rss?TOKEN=***&Password=***&x-api-key=***",
                "https://feeds.example:8443/a%20b?q=1#frag | https://feeds.example:8443/a%20b?q=1",
                "file:/srv/her2/feeds/samples/pubmed.xml | file:pubmed.xml",
                "HTTPS://u@feeds.example/ | HTTPS://***@feeds.example/"
            })
    void secretsAndPathsAreMasked(String configured, String shown) {
        assertThat(PublicUrl.of(URI.create(configured))).isEqualTo(shown);
    }
}
