package org.her2feeds.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ContentCleanerTest {

    private static final URI BASE = URI.create("https://www.example-journal.org/articles/her2/");

    private final ContentCleaner cleaner = new ContentCleaner();

    @Nested
    class Summaries {

        @Test
        void pubmedStyleAbstractKeepsParagraphsAndBold() {
            String html = "<p><b>Background:</b> HER2-positive breast cancer accounts for 15&ndash;20% of cases.</p>"
                    + "<p><b>Methods:</b> We enrolled 120 patients.</p>";

            CleanSummary summary = cleaner.summary(html, BASE);

            assertThat(summary.html())
                    .isEqualTo("<p><b>Background:</b> HER2-positive breast cancer accounts for 15–20% of cases.</p>"
                            + "<p><b>Methods:</b> We enrolled 120 patients.</p>");
            assertThat(summary.text())
                    .isEqualTo("Background: HER2-positive breast cancer accounts for 15–20% of cases. Methods: We "
                            + "enrolled 120 patients.");
        }

        @Test
        void newsTeaserLosesTrackingPixelAndUtmParameters() {
            String html = "<p>New data on <a href=\"https://news.example.com/her2?id=7&utm_source=rss&utm_medium=feed"
                    + "&fbclid=AbC\">trastuzumab deruxtecan</a>.</p>"
                    + "<p><img src=\"https://pixel.example.com/t.gif?u=1\" width=\"1\" height=\"1\"></p>";

            CleanSummary summary = cleaner.summary(html, BASE);

            assertThat(summary.html())
                    .isEqualTo("<p>New data on <a href=\"https://news.example.com/her2?id=7\" "
                            + "rel=\"noopener noreferrer\">trastuzumab deruxtecan</a>.</p>");
            assertThat(summary.text()).isEqualTo("New data on trastuzumab deruxtecan.");
        }

        @Test
        void relativeLinksBecomeAbsoluteAgainstTheBase() {
            CleanSummary summary = cleaner.summary("See <a href=\"../trial.html?arm=b\">the trial</a>", BASE);

            assertThat(summary.html())
                    .isEqualTo("See <a href=\"https://www.example-journal.org/articles/trial.html?arm=b\" "
                            + "rel=\"noopener noreferrer\">the trial</a>");
        }

        @Test
        void relativeLinkWithoutBaseKeepsOnlyItsText() {
            CleanSummary summary = cleaner.summary("See <a href=\"/trial.html\">the trial</a>", null);

            assertThat(summary.html()).isEqualTo("See the trial");
        }

        @Test
        void scriptLinksAreUnwrappedAndScriptsVanishWithTheirText() {
            String html = "<p>Click <a href=\"javascript:alert('HER2')\">here</a> "
                    + "<a href=\"JaVaScRiPt&#x3A;alert(1)\">or here</a> <a href=\"vbscript:msgbox(1)\">or</a> "
                    + "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">there</a></p>"
                    + "<script>document.write('HER2 amplified');</script>";

            CleanSummary summary = cleaner.summary(html, BASE);

            assertThat(summary.html()).isEqualTo("<p>Click here or here or there</p>");
            assertThat(summary.text()).isEqualTo("Click here or here or there").doesNotContain("amplified");
        }

        @Test
        void iframesStylesFormsAndHandlersGo() {
            String html = "<style>p { color: red } .her2 { display: none }</style>"
                    + "<p style=\"color:red\" onclick=\"steal()\" class=\"lead\">HER2-low <em "
                    + "onmouseover=\"x()\">matters</em></p>"
                    + "<iframe src=\"https://video.example.com/embed/1\">Your browser lacks iframes</iframe>"
                    + "<form action=\"/subscribe\"><label>Email</label><input "
                    + "name=\"e\"><button>Subscribe</button></form>"
                    + "<object data=\"movie.swf\"><embed src=\"movie.swf\"></object>";

            CleanSummary summary = cleaner.summary(html, BASE);

            assertThat(summary.html()).isEqualTo("<p>HER2-low <em>matters</em></p>");
            assertThat(summary.text()).isEqualTo("HER2-low matters");
        }

        @Test
        void nestedListsAndQuotesSurvive() {
            String html = "<ul><li>HER2+<ol><li>IHC 3+</li><li>ISH amplified</li></ol></li><li>HER2-low</li></ul>"
                    + "<blockquote>Quoted <code>ERBB2</code> H<sub>2</sub>O x<sup>2</sup> <strong>strong</strong> "
                    + "<i>i</i></blockquote>";

            CleanSummary summary = cleaner.summary(html, BASE);

            assertThat(summary.html()).isEqualTo(html);
            assertThat(summary.text()).isEqualTo("HER2+ IHC 3+ ISH amplified HER2-low Quoted ERBB2 H2O x2 strong i");
        }

        @Test
        void unwrappedBlocksStillSeparateWords() {
            String html = "<table><tr><td>HER2 <b>3+</b></td><td>ER&minus;</td></tr></table><h2>Results</h2>"
                    + "<div>Median PFS</div><div>9.9 months</div><pre>p&lt;0.001</pre>H<span>ER</span>2";

            CleanSummary summary = cleaner.summary(html, null);

            assertThat(summary.text()).isEqualTo("HER2 3+ ER− Results Median PFS 9.9 months p<0.001 HER2");
            assertThat(summary.html()).isEqualTo("HER2 <b>3+</b> ER− Results Median PFS 9.9 months p&lt;0.001 HER2");
            assertThat(cleaner.plainText("<div>Breast</div><div>cancer</div>")).isEqualTo("Breast cancer");
        }

        @Test
        void longTextIsCutAtAWordBoundaryWithAnEllipsis() {
            String sentence = "Trastuzumab improves survival in HER2-positive early breast cancer. ";
            String html = "<p>" + sentence.repeat(20) + "</p>";

            CleanSummary summary = cleaner.summary(html, BASE);

            assertThat(summary.text())
                    .hasSizeLessThanOrEqualTo(CleanSummary.MAX_TEXT_LENGTH)
                    .endsWith("…");
            String kept = summary.text().substring(0, summary.text().length() - 1);
            assertThat(sentence.repeat(20)).startsWith(kept + " ");
            assertThat(kept.length()).isGreaterThan(CleanSummary.MAX_TEXT_LENGTH - 20);
            assertThat(summary.html()).isEqualTo("<p>" + sentence.repeat(20).strip() + "</p>");
        }

        @Test
        void textAtTheLimitIsNotCut() {
            String exact = "a".repeat(CleanSummary.MAX_TEXT_LENGTH);

            assertThat(cleaner.summary(exact, null).text()).isEqualTo(exact);
            assertThat(cleaner.summary(exact + "b", null).text())
                    .hasSize(CleanSummary.MAX_TEXT_LENGTH)
                    .endsWith("…");
        }

        @Test
        void nonBreakingSpacesBecomeSpacesInTextAndStayInHtml() {
            CleanSummary summary = cleaner.summary("<p>HER2&nbsp;&nbsp;status:\u00a0positive\n\n\tnow</p>", null);

            assertThat(summary.text()).isEqualTo("HER2 status: positive now");
            assertThat(summary.html()).isEqualTo("<p>HER2&nbsp;&nbsp;status:&nbsp;positive now</p>");
        }

        @Test
        void controlCharactersAreDropped() {
            CleanSummary summary =
                    cleaner.summary("<p>HER2\u0000\u0007 pos\u0085itive\uFEFF &#1; &#x7f;done</p>", null);

            assertThat(summary.text()).isEqualTo("HER2 positive done");
            assertThat(summary.html()).isEqualTo("<p>HER2 positive done</p>");
        }

        @Test
        void nullOrBlankGivesAnEmptySummary() {
            assertThat(cleaner.summary(null, BASE)).isEqualTo(new CleanSummary("", "", ""));
            assertThat(cleaner.summary(" \n ", BASE)).isEqualTo(new CleanSummary("", "", ""));
        }

        @Test
        void escapedMarkupStaysVisibleInHtmlButNotInText() {
            CleanSummary summary = cleaner.summary("&lt;b&gt;HER2&lt;/b&gt; &amp; ERBB2", null);

            assertThat(summary.html()).isEqualTo("&lt;b&gt;HER2&lt;/b&gt; &amp; ERBB2");
            assertThat(summary.text()).isEqualTo("HER2 & ERBB2");
        }

        /**
         * A feed that escapes its summary once more than its markup ("&amp;amp;quot;" in the XML, "&amp;quot;"
         * inside CDATA) must not show readers of our feeds, API and page "&quot;" as text: the summary's HTML shows
         * the author's marks, as its plain text does.
         */
        @Test
        void referencesLeftByAFeedEscapedTwiceAreDecodedInTheHtml() {
            CleanSummary summary = cleaner.summary(
                    "<p>The paper, &amp;#8220;Pyrotinib in HER2-low gastric cancer,&amp;#8221; was retracted.</p>"
                            + "<p>&amp;quot;T-DXd&amp;quot; &amp;amp; <b>Tom &amp;amp; Jerry&amp;rsquo;s</b>"
                            + " trial&amp;hellip;&amp;nbsp;HER2</p>",
                    BASE);

            assertThat(summary.html())
                    .isEqualTo("<p>The paper, \u201CPyrotinib in HER2-low gastric cancer,\u201D was retracted.</p>"
                            + "<p>\"T-DXd\" &amp; <b>Tom &amp; Jerry\u2019s</b> trial\u2026&nbsp;HER2</p>");
            assertThat(summary.text())
                    .isEqualTo("The paper, \u201CPyrotinib in HER2-low gastric cancer,\u201D was retracted."
                            + " \"T-DXd\" & Tom & Jerry\u2019s trial\u2026 HER2");
            assertThat(visibleText(summary.html())).isEqualTo(summary.text());
        }

        @Test
        void aTagRevealedByDecodingStaysTextInTheHtml() {
            CleanSummary summary = cleaner.summary(
                    "<p>Use &amp;lt;b&amp;gt; for &amp;#60;script&amp;#62;alert(1)&amp;#60;/script&amp;#62;"
                            + " &amp;#x3C;img src=x onerror=alert(1)&amp;#x3E;</p>",
                    BASE);

            assertThat(summary.html())
                    .isEqualTo("<p>Use &lt;b&gt; for &lt;script&gt;alert(1)&lt;/script&gt;"
                            + " &lt;img src=x onerror=alert(1)&gt;</p>");
            assertThat(Jsoup.parseBodyFragment(summary.html())
                            .body()
                            .select("p")
                            .first()
                            .children())
                    .isEmpty();
            assertThat(UniversalSafety.htmlViolations(summary.html())).isEmpty();
            assertThat(summary.text()).doesNotContainPattern("<[A-Za-z/!?]");
        }

        @Test
        void ampersandsThatStartNoReferenceStayAsWrittenInTheHtml() {
            CleanSummary summary = cleaner.summary(
                    "<p>AT&amp;T, R&amp;D and Q&amp;A; ERBB2 &amp;not amplified &amp;unknownname; &amp;</p>", BASE);

            assertThat(summary.html())
                    .isEqualTo(
                            "<p>AT&amp;T, R&amp;D and Q&amp;A; ERBB2 &amp;not amplified &amp;unknownname; &amp;</p>");
            assertThat(summary.text()).isEqualTo("AT&T, R&D and Q&A; ERBB2 &not amplified &unknownname; &");
            assertThat(cleaner.summary("AT&T, R&D and Q&A", BASE).html()).isEqualTo("AT&amp;T, R&amp;D and Q&amp;A");
        }

        /**
         * Never decoded twice: a reference that decoding once more leaves ("&amp;lt;" gives "&lt;") shows as the feed
         * sent it, in the HTML and in its text alike, so cleaning the HTML again gives it back.
         */
        @Test
        void textEscapedThreeTimesStaysAsSentAndCleaningStaysIdempotent() {
            for (String html : new String[] {
                "<p>p &amp;amp;lt; 0.05 &amp;amp;amp; &amp;quot;HER2&amp;quot;</p>",
                "<p>&amp;quot;HER2&amp;quot; &amp;amp; HER3</p>",
                "<p>a<b>&amp;#32;</b>b &amp;<span>quot;</span>x&amp;<span>quot;</span></p>",
                "<p>&amp;amp;<b></b>quot; &amp;l&amp;#1;t;</p>"
            }) {
                CleanSummary once = cleaner.summary(html, BASE);
                assertThat(cleaner.summary(once.html(), BASE)).as(html).isEqualTo(once);
                assertThat(visibleText(once.html())).as(html).isEqualTo(once.text());
            }
            assertThat(cleaner.summary("<p>p &amp;amp;lt; 0.05</p>", BASE).html())
                    .isEqualTo("<p>p &amp;amp;lt; 0.05</p>");
            assertThat(cleaner.summary("<p>p &amp;amp;lt; 0.05</p>", BASE).text())
                    .isEqualTo(cleaner.plainText("p &amp;amp;lt; 0.05"))
                    .isEqualTo("p &amp;lt; 0.05");
        }

        @Test
        void cleaningTwiceEqualsCleaningOnce() {
            String html = "<div><p>a <span> b </span></p><img src=x><p>c<b></b></p><ul><li>d<li>e</ul>"
                    + "<a href=\"https://X.example.com:443/p?utm_x=1&q=2\">f</a></div> g";
            CleanSummary once = cleaner.summary(html, BASE);

            assertThat(cleaner.summary(once.html(), BASE)).isEqualTo(once);
        }

        /** What a reader sees of summary HTML: the text an HTML parser makes of it, whitespace collapsed. */
        private static String visibleText(String html) {
            return Jsoup.parseBodyFragment(html).body().text();
        }
    }

    @Nested
    class PlainText {

        @Test
        void titleWithItalicsLosesTheTags() {
            assertThat(cleaner.plainText("Adjuvant <i>trastuzumab</i> in HER2&#8209;positive disease "))
                    .isEqualTo("Adjuvant trastuzumab in HER2\u2011positive disease");
        }

        @Test
        void doubleEscapedTitleBecomesPlainText() {
            assertThat(cleaner.plainText("&lt;b&gt;HER2&lt;/b&gt; testing")).isEqualTo("HER2 testing");
            assertThat(cleaner.plainText("&amp;lt;i&amp;gt;T-DXd&amp;lt;/i&amp;gt;"))
                    .isEqualTo("T-DXd");
        }

        @Test
        void comparisonsThatOnlyLookLikeMarkupStay() {
            assertThat(cleaner.plainText("HER2 &lt; 2+ and p<0.05 & OS > 5 y"))
                    .isEqualTo("HER2 < 2+ and p<0.05 & OS > 5 y");
            assertThat(cleaner.plainText("a &lt; b and c &gt; d")).isEqualTo("a < b and c > d");
        }

        @Test
        void escapedScriptDoesNotLeakIntoText() {
            assertThat(cleaner.plainText("HER2 &lt;script&gt;alert(1)&lt;/script&gt; news"))
                    .isEqualTo("HER2 news");
        }

        @Test
        void anUnclosedTagInATitleNeverReachesReadersAsMarkup() {
            for (String title : new String[] {
                "&lt;img src=x onerror=alert(1)",
                "HER2 news &lt;img src=x onerror=alert(1)",
                "&amp;lt;svg/onload=alert(1)",
                "&lt;/title&gt;&lt;script",
                "a &lt;!-- b",
                "&lt;?php x",
                "T-DXd &lt;i"
            }) {
                assertThat(cleaner.plainText(title)).as(title).doesNotContainPattern("<[A-Za-z/!?]");
            }
            assertThat(cleaner.plainText("HER2 news &lt;img src=x onerror=alert(1)"))
                    .startsWith("HER2 news");
        }

        /**
         * Feeds that escape their text twice ("&amp;amp;quot;" in the XML) leave character references after one
         * decoding; readers must see the quotation marks and ampersands the author wrote.
         */
        @Test
        void referencesLeftByAFeedEscapedTwiceAreDecoded() {
            assertThat(cleaner.plainText("Retraction of &amp;quot;HER2-low breast cancer: a new entity?&amp;quot;"))
                    .isEqualTo("Retraction of \"HER2-low breast cancer: a new entity?\"");
            assertThat(cleaner.plainText("&amp;#8220;Trastuzumab deruxtecan&amp;#8221; &amp;ldquo;T-DXd&amp;rdquo;"))
                    .isEqualTo("\u201CTrastuzumab deruxtecan\u201D \u201CT-DXd\u201D");
            assertThat(cleaner.plainText("Tom &amp;amp; Jerry")).isEqualTo("Tom & Jerry");
            assertThat(cleaner.plainText("Tom &amp; Jerry")).isEqualTo("Tom & Jerry");
            assertThat(cleaner.plainText("The editors&amp;#39; view, the authors&amp;#x2019; reply&amp;#8230;"))
                    .isEqualTo("The editors' view, the authors\u2019 reply\u2026");
        }

        @Test
        void ampersandsThatStartNoReferenceStayAsWritten() {
            assertThat(cleaner.plainText("AT&T, R&D and Q&A on HER2")).isEqualTo("AT&T, R&D and Q&A on HER2");
            assertThat(cleaner.plainText("AT&amp;amp;T and R&amp;amp;D")).isEqualTo("AT&T and R&D");
            assertThat(cleaner.plainText("ERBB2 &amp;not amplified &amp;unknownname; &amp;"))
                    .isEqualTo("ERBB2 &not amplified &unknownname; &");
        }

        /**
         * Once more, and only when that leaves no reference: text escaped three times is left as one decoding
         * gives it, as a summary's HTML must leave it to stay idempotent (ContentCleaner.referencesDecoded says why).
         */
        @Test
        void referencesAreDecodedOnceMoreOnlyWhenThatLeavesNone() {
            assertThat(cleaner.plainText("p &amp;amp;lt; 0.05")).isEqualTo("p &amp;lt; 0.05");
            assertThat(cleaner.plainText("HER2 &amp;amp;amp; HER3")).isEqualTo("HER2 &amp;amp; HER3");
            assertThat(cleaner.plainText("&amp;quot;HER2&amp;quot; p &amp;amp;lt; 0.05"))
                    .isEqualTo("&quot;HER2&quot; p &amp;lt; 0.05");
        }

        @Test
        void aTagRevealedByDecodingNeverReachesReadersAsMarkup() {
            for (String title : new String[] {
                "&amp;amp;lt;b&amp;amp;gt;HER2&amp;amp;lt;/b&amp;amp;gt; testing",
                "Use &amp;lt;b&amp;gt; for HER2",
                "&amp;#60;script&amp;#62;alert(1)&amp;#60;/script&amp;#62; HER2",
                "HER2 &amp;#x3C;img src=x onerror=alert(1)"
            }) {
                assertThat(cleaner.plainText(title)).as(title).doesNotContainPattern("<[A-Za-z/!?]");
            }
            assertThat(cleaner.plainText("&amp;lt;b&amp;gt;HER2&amp;lt;/b&amp;gt; testing"))
                    .isEqualTo("HER2 testing");
            // Escaped once more, its references would still leave references: it stays as one decoding gives it.
            assertThat(cleaner.plainText("&amp;amp;lt;b&amp;amp;gt;HER2&amp;amp;lt;/b&amp;amp;gt; testing"))
                    .isEqualTo("&amp;lt;b&amp;gt;HER2&amp;lt;/b&amp;gt; testing");
        }

        @Test
        void authorNamesAreDecodedAndCollapsed() {
            assertThat(cleaner.plainText("  Garc&iacute;a,\n   M&uuml;ller &amp; O&#39;Brien "))
                    .isEqualTo("García, Müller & O'Brien");
        }

        @Test
        void nullGivesEmptyText() {
            assertThat(cleaner.plainText(null)).isEmpty();
        }
    }

    @Nested
    class Links {

        @Test
        void trackingParametersAreRemovedAndOthersKeepTheirOrder() {
            assertThat(cleaner.link(
                            "https://example.com/a?z=1&utm_source=x&UTM_Campaign=y&b=2&gclid=g&dclid=d"
                                    + "&msclkid=m&mc_cid=c&mc_eid=e&_hsenc=h&_hsmi=i&igshid=j&yclid=k&ref_src=twsrc&a"
                                    + "=3#top",
                            null))
                    .contains(URI.create("https://example.com/a?z=1&b=2&a=3#top"));
        }

        @Test
        void trackingParametersBehindAnOverEscapedAmpersandAreRemovedToo() {
            assertThat(cleaner.link("https://example.com/a?id=9&amp;utm_source=rss&amp;page=2", null))
                    .contains(URI.create("https://example.com/a?id=9&amp;page=2"));
        }

        @Test
        void onlyTrackingParametersLeaveNoQuestionMark() {
            assertThat(cleaner.link("https://example.com/a?utm_source=rss&fbclid=1", null))
                    .contains(URI.create("https://example.com/a"));
        }

        @Test
        void schemeAndHostAreLowerCasedAndDefaultPortsDropped() {
            assertThat(cleaner.link("HTTPS://PubMed.NCBI.nlm.nih.gov:443/12345/", null))
                    .contains(URI.create("https://pubmed.ncbi.nlm.nih.gov/12345/"));
            assertThat(cleaner.link("http://Example.com:80", null)).contains(URI.create("http://example.com/"));
            assertThat(cleaner.link("http://example.com:8080/x", null))
                    .contains(URI.create("http://example.com:8080/x"));
        }

        @Test
        void pathCaseIsKept() {
            assertThat(cleaner.link("https://example.com/Trial/NCT01234", null))
                    .contains(URI.create("https://example.com/Trial/NCT01234"));
        }

        @Test
        void relativeLinksResolveAgainstTheBase() {
            assertThat(cleaner.link("../x.html", BASE))
                    .contains(URI.create("https://www.example-journal.org/articles/x.html"));
            assertThat(cleaner.link("//cdn.example.com/y", BASE)).contains(URI.create("https://cdn.example.com/y"));
            assertThat(cleaner.link("x.html", null)).isEmpty();
        }

        @Test
        void nonHttpLinksAreRefused() {
            assertThat(cleaner.link("javascript:alert(1)", BASE)).isEmpty();
            assertThat(cleaner.link(" java\tscript:alert(1)", BASE)).isEmpty();
            assertThat(cleaner.link("vbscript:msgbox(1)", BASE)).isEmpty();
            assertThat(cleaner.link("data:text/html,<script>alert(1)</script>", BASE))
                    .isEmpty();
            assertThat(cleaner.link("mailto:editor@example.com", BASE)).isEmpty();
            assertThat(cleaner.link("ftp://example.com/file", BASE)).isEmpty();
            assertThat(cleaner.link("file:///etc/passwd", BASE)).isEmpty();
            assertThat(cleaner.link("http://", BASE)).isEmpty();
            assertThat(cleaner.link(null, BASE)).isEmpty();
            assertThat(cleaner.link("   ", BASE)).isEmpty();
        }

        @Test
        void messyButRealLinksAreEncodedNotRefused() {
            assertThat(cleaner.link(" https://example.com/HER2 study/ä?q=a b&r=%20 \n", null))
                    .contains(URI.create("https://example.com/HER2%20study/%C3%A4?q=a%20b&r=%20"));
            assertThat(cleaner.link("https://bücher.example/", null))
                    .contains(URI.create("https://xn--bcher-kva.example/"));
        }

        @Test
        void parenthesesAreEscapedSoLinksCannotCloseACallOrCssUrl() {
            assertThat(cleaner.link("https://en.wikipedia.org/wiki/HER2_(gene)", null))
                    .contains(URI.create("https://en.wikipedia.org/wiki/HER2_%28gene%29"));
        }

        @Test
        void credentialsInLinksAreDropped() {
            assertThat(cleaner.link("https://www.nih.gov@evil.example/login", null))
                    .contains(URI.create("https://evil.example/login"));
        }

        @Test
        void normalizingTwiceChangesNothing() {
            URI once = cleaner.link("HTTP://Ex.com:80/a b/%7e?utm_id=1&x=%41", null)
                    .orElseThrow();
            assertThat(cleaner.link(once.toString(), null)).contains(once);
        }
    }
}
