package org.her2feeds.digest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of the story list, newest coverage first.
 *
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
record StoryPage(
        List<StoryView> stories, @Schema(nullable = true) String nextCursor) {}
