package org.her2feeds.publish;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/** The {@code ?limit=} of every feed handler, declared once; {@code http.RequestLimits} checks it. */
record FeedSize(
        @Parameter(
                description = "How many items: articles, or stories in the story feed (default her2.feed.size, at most "
                        + "her2.feed.max-limit)",
                schema = @Schema(type = "integer", format = "int32", minimum = "1"),
                example = "20")
        Integer limit) {}
