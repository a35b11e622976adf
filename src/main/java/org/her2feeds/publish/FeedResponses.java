package org.her2feeds.publish;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What every feed answers, in each of its formats, declared once for the OpenAPI description. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
        responseCode = "200",
        description = "The feed",
        content = {
            @Content(mediaType = "application/rss+xml"),
            @Content(mediaType = "application/atom+xml"),
            @Content(mediaType = "application/feed+json")
        })
@ApiResponse(responseCode = "304", description = "Not modified since the ETag or date the reader sent")
@ApiResponse(responseCode = "400", description = "Unknown kind, type, trial or drug, or a limit out of bounds")
@ApiResponse(responseCode = "404", description = "Unknown topic; the detail lists the valid slugs")
@interface FeedResponses {}
