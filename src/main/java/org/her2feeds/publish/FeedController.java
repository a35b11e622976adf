package org.her2feeds.publish;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The merged feed for RSS readers. */
@RestController
public class FeedController {

    static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=utf-8");

    private final FeedService feeds;
    private final RssFeedWriter rss;

    public FeedController(FeedService feeds, RssFeedWriter rss) {
        this.feeds = feeds;
        this.rss = rss;
    }

    @GetMapping("/feed.xml")
    public ResponseEntity<String> rss(@RequestParam(required = false) Set<String> topic,
            @RequestParam(required = false) Integer limit, HttpServletRequest request) {
        String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        String self = ServletUriComponentsBuilder.fromRequest(request).build().toUriString();
        FeedDocument document = feeds.merged(base, self, topic, null, feeds.limit(limit));
        return ResponseEntity.ok().contentType(RSS).body(rss.write(document));
    }
}
