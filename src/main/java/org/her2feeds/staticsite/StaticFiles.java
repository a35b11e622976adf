package org.her2feeds.staticsite;

import java.util.List;

/** Contributes outputs to the static copy of the service; each feature publishes its own. */
interface StaticFiles {

    /** @param baseUrl the public root URL, without a trailing slash, for the absolute links inside the files */
    List<StaticFile> files(String baseUrl);
}
