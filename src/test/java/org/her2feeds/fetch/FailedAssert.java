package org.her2feeds.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

/** Checks shared by every failure: the category, and a one-line message that names the URL at fault. */
final class FailedAssert {

    private FailedAssert() {}

    static Failed assertFailed(FetchResult result, String errorClass, URI url) {
        assertThat(result).isInstanceOf(Failed.class);
        Failed failed = (Failed) result;
        assertThat(failed.errorClass()).as(failed.message()).isEqualTo(errorClass);
        assertThat(failed.finalUrl()).isEqualTo(url);
        assertThat(failed.message())
                .contains(url.toString())
                .doesNotContain("\n")
                .doesNotContain("\r");
        return failed;
    }
}
