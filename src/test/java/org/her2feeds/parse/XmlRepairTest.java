package org.her2feeds.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class XmlRepairTest {

    private final XmlRepair repair = new XmlRepair(HtmlEntities.load());

    @Test
    void theEntityTableHoldsEveryHtml5NameExceptTheXmlFive() {
        HtmlEntities entities = HtmlEntities.load();

        assertThat(entities.size()).isEqualTo(2120);
        assertThat(entities.decode("rsquo")).isEqualTo("\u2019");
        assertThat(entities.decode("NotNestedLessLess")).isEqualTo("\u2aa1\u0338");
        assertThat(entities.decode("amp")).isNull();
    }

    @Test
    void replacesHtmlEntitiesAndEscapesWhatIsNotAReference() throws Exception {
        assertThat(repair.repair("<t a=\"x&y\">&eacute; &amp; &#233; &#X41; &#0; &nosuch; AT&T &; 5 & 6</t>"))
                .isEqualTo("<t a=\"x&amp;y\">&#xe9; &amp; &#233; &#x41;  &amp;nosuch; AT&amp;T &amp;; 5 &amp; 6</t>");
    }

    @Test
    void leavesCommentsAndCdataAsWritten() throws Exception {
        assertThat(repair.repair("<t><!-- a & b --><![CDATA[&nbsp; <b>]]></t>"))
                .isEqualTo("<t><!-- a & b --><![CDATA[&nbsp; <b>]]></t>");
    }

    @Test
    void dropsLeadingGarbageAndDeclarationButKeepsLineNumbers() throws Exception {
        assertThat(repair.repair("\uFEFFjunk\n\n<?xml version=\"1.0\"?>\n<rss/>"))
                .isEqualTo("\n\n\n<rss/>");
    }

    @Test
    void dropsCharactersXmlForbidsAndLoneSurrogates() throws Exception {
        assertThat(repair.repair("<t>a\u0000b\u001Bc\uD800d\uFFFEe\uD83D\uDE00</t>"))
                .isEqualTo("<t>abcde\uD83D\uDE00</t>");
    }

    @Test
    void closesAFinalEndTagThatLostItsBracket() throws Exception {
        assertThat(repair.repair("<rss><channel/></rss  \n")).isEqualTo("<rss><channel/></rss>  \n");
    }

    @Test
    void dropsAnExternalDoctypeAndRefusesAnInternalSubset() throws Exception {
        assertThat(repair.repair("<!DOCTYPE rss SYSTEM \"http://x/rss.dtd\">\n<rss/>"))
                .isEqualTo("\n<rss/>");
        assertThatThrownBy(() -> repair.repair("<!DOCTYPE rss [<!ENTITY a \"b\">]><rss/>"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("DOCTYPE refused");
    }
}
