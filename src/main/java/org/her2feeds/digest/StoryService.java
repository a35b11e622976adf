package org.her2feeds.digest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.her2feeds.http.InvalidRequestException;
import org.her2feeds.http.NotFoundException;
import org.her2feeds.http.RequestLimits;
import org.her2feeds.store.Story;
import org.her2feeds.store.StoryQueries;
import org.springframework.stereotype.Service;

/** The stories for the portal: the list a page at a time, one story, and a day's stories for its digest. */
@Service
class StoryService {

    private final StoryQueries stories;
    private final RequestLimits limits;
    private final DigestArticles view;

    StoryService(StoryQueries stories, RequestLimits limits, DigestArticles view) {
        this.stories = stories;
        this.limits = limits;
        this.view = view;
    }

    StoryPage page(String cursor, Integer limit) {
        int size = limits.limit(limit);
        StoryQueries.Position after = cursor == null ? null : decode(cursor);
        List<Story> page = stories.page(after, size + 1);
        String next = null;
        if (page.size() > size) {
            page = page.subList(0, size);
            Story last = page.get(size - 1);
            next = encode(new StoryQueries.Position(last.updated(), last.id()));
        }
        return new StoryPage(page.stream().map(this::of).toList(), next);
    }

    StoryView story(String id) {
        return stories.story(id)
                .map(this::of)
                .orElseThrow(() -> new NotFoundException("No story has the id '" + id + "'."));
    }

    /** The stories with one of these articles (a day's digest's) among their members. */
    List<StoryView> withAnyOf(Set<String> articleIds) {
        return stories.withAnyOf(articleIds).stream().map(this::of).toList();
    }

    private StoryView of(Story story) {
        return new StoryView(
                story.id(),
                story.title(),
                story.url(),
                story.label(),
                story.summary(),
                view.at(story.firstSeen()),
                view.at(story.lastSeen()),
                view.at(story.updated()),
                story.members().stream()
                        .map(m -> new StoryView.Member(
                                m.id(), m.title(), m.url(), m.type(), m.source(), m.kind(), view.at(m.published())))
                        .toList());
    }

    private static String encode(StoryQueries.Position position) {
        String text = position.updated() + " " + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static StoryQueries.Position decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(" ", -1);
            if (parts.length == 2 && !parts[1].isEmpty()) {
                return new StoryQueries.Position(Instant.parse(parts[0]), parts[1]);
            }
        } catch (IllegalArgumentException | DateTimeParseException malformed) {
            // reported below
        }
        throw new InvalidRequestException("cursor '" + cursor + "' is not one this service issued: pass the "
                + "nextCursor of the previous page unchanged, or leave it out for the first page.");
    }
}
