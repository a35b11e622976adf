package org.her2feeds.http;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal that reads the JSON API from a browser.
 *
 * @param origins the origins allowed to call {@code /api/**} cross-site, e.g. {@code https://portal.example.org};
 *                empty (the default) allows none
 */
@ConfigurationProperties("her2.portal")
record PortalProperties(@DefaultValue List<String> origins) {}
