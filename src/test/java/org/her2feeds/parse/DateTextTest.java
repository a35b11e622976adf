package org.her2feeds.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Tue, 05 Mar 2024 10:00:00 GMT      | 2024-03-05T10:00:00Z",
                "Tue, 5 Mar 2024 10:00:00 +0100     | 2024-03-05T09:00:00Z",
                "Tue, 05 Mar 2024 10:00 EST         | 2024-03-05T15:00:00Z",
                "Tuesday, 05 March 2024 10:00:00 PDT | 2024-03-05T17:00:00Z",
                "05 Mar 2024 10:00:00 +01:00        | 2024-03-05T09:00:00Z",
                "05 Mar 2024                        | 2024-03-05T00:00:00Z",
                "5 Mar 24 10:00:00 GMT              | 2024-03-05T10:00:00Z",
                "Tue, 05 Mar 2024 10:00:00          | 2024-03-05T10:00:00Z",
                "2024-03-05T10:00:00Z               | 2024-03-05T10:00:00Z",
                "2024-03-05T10:00:00.123+02:00      | 2024-03-05T08:00:00.123Z",
                "2024-03-05T10:00:00+0200           | 2024-03-05T08:00:00Z",
                "2024-03-05T10:00:00                | 2024-03-05T10:00:00Z",
                "2024-03-05 10:00:00                | 2024-03-05T10:00:00Z",
                "2024-03-05T10:00Z                  | 2024-03-05T10:00:00Z",
                "2024-03-05                         | 2024-03-05T00:00:00Z",
                "2024-03                            | 2024-03-01T00:00:00Z",
            })
    void readsTheDateShapesFeedsUse(String text, String expected) {
        DateText.Reading reading = DateText.read(text);

        assertThat(reading.verdict()).isEqualTo(DateText.Verdict.PARSED);
        assertThat(reading.instant()).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"2024-13-45T99:99:99Z", "2024-02-30", "Fri, 31 Apr 2024 10:00:00 GMT", "05 Mar 2024 25:00:00 GMT"
            })
    void impossibleValuesAreInvalidNotRolledOver(String text) {
        assertThat(DateText.read(text).verdict()).isEqualTo(DateText.Verdict.INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "Spring 2024", "2024/03/05", "", "  "})
    void unknownShapesAreUnrecognised(String text) {
        assertThat(DateText.read(text).verdict()).isEqualTo(DateText.Verdict.UNRECOGNISED);
    }

    @Test
    void policyPrefersTheStrictReadingAndOnlyFallsBackToRomeForUnknownShapes() {
        DatePolicy policy = new DatePolicy();
        Date rome = Date.from(Instant.parse("2025-02-14T00:00:00Z"));
        Date romeSane = Date.from(Instant.parse("2024-03-05T00:00:00Z"));

        assertThat(policy.decide(List.of("2024-13-45"), rome)).isNull();
        assertThat(policy.decide(List.of("2024/03/05"), romeSane)).isEqualTo(romeSane.toInstant());
        assertThat(policy.decide(List.of(), romeSane)).isEqualTo(romeSane.toInstant());
        assertThat(policy.decide(List.of("1989-12-31T23:59:59Z"), null)).isNull();
        // Future dates are passed on as stated; the store decides whether they are used (store/Filing).
        assertThat(policy.decide(List.of("2999-06-03T00:00:01Z"), null)).isEqualTo("2999-06-03T00:00:01Z");
    }
}
