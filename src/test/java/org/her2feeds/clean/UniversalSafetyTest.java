package org.her2feeds.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The conformance checks are only worth something if they catch what they claim to catch. */
class UniversalSafetyTest {

    @Test
    void flagsEveryKindOfUnsafeHtml() {
        assertThat(UniversalSafety.htmlViolations("<SCRIPT>x</SCRIPT>")).isNotEmpty();
        assertThat(UniversalSafety.htmlViolations("<b onclick=\"x()\">a</b>")).isNotEmpty();
        assertThat(UniversalSafety.htmlViolations("<b/onmouseover=x()>a</b>")).isNotEmpty();
        assertThat(UniversalSafety.htmlViolations("<a href=\" java&#x0A;script:alert(1)\">a</a>"))
                .isNotEmpty();
        assertThat(UniversalSafety.htmlViolations("<a href=\"vbscript:x\">a</a>"))
                .isNotEmpty();
        assertThat(UniversalSafety.htmlViolations("<a href=\"data:text/html,x\">a</a>"))
                .isNotEmpty();
        assertThat(UniversalSafety.htmlViolations("<p style=\"color:red\">a</p>"))
                .isNotEmpty();
        for (String tag : new String[] {"iframe", "object", "embed", "meta", "link", "style"}) {
            assertThat(UniversalSafety.htmlViolations("<p>a</p><" + tag + ">"))
                    .as(tag)
                    .isNotEmpty();
        }
    }

    @Test
    void acceptsEscapedMarkupAndSafeLinks() {
        assertThat(UniversalSafety.htmlViolations("&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1)"))
                .isEmpty();
        assertThat(UniversalSafety.htmlViolations(
                        "<p><a href=\"https://example.com/\" rel=\"noopener noreferrer\">HER2</a></p>"))
                .isEmpty();
    }

    @Test
    void flagsTextWithMarkupControlsOrLooseWhitespace() {
        assertThat(UniversalSafety.textViolations("t", "a <b>b</b>")).isNotEmpty();
        assertThat(UniversalSafety.textViolations("t", "a\u0007b")).isNotEmpty();
        assertThat(UniversalSafety.textViolations("t", "a  b")).isNotEmpty();
        assertThat(UniversalSafety.textViolations("t", " a")).isNotEmpty();
        assertThat(UniversalSafety.textViolations("t", "p < 0.05 and a > b")).isEmpty();
    }
}
