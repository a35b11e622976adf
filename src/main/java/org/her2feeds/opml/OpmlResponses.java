package org.her2feeds.opml;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What every OPML list answers, declared once for the OpenAPI description. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "200", description = "The subscription list", content = @Content(mediaType = "text/x-opml"))
@ApiResponse(responseCode = "304", description = "Not modified since the ETag or date sent")
@interface OpmlResponses {}
