package org.her2feeds.digest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of the article list, newest first.
 *
 * @param nextCursor pass as {@code cursor} for the next (older) page; null on the last page
 */
record ArticlePage(
        List<DigestArticle> articles,
        @Schema(nullable = true) String nextCursor) {}
