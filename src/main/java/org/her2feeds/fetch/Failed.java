package org.her2feeds.fetch;

import java.net.URI;
import java.time.Duration;

/**
 * The fetch did not produce a body.
 *
 * @param status     HTTP status when a response arrived, else null
 * @param errorClass short category: HttpStatus, Timeout, BodyTooLarge, RedirectLoop, TooManyRedirects,
 *                   BadRedirect, ForbiddenAddress, UnsupportedScheme, BadUrl, UnknownHost, ConnectError, Tls,
 *                   ContentEncoding, FileNotFound, Io, Interrupted
 * @param message    one line naming the URL and the problem
 * @param retryAfter wait the server asked for with Retry-After on 429 or 503, else null
 * @param gone       true when the server answered 410 Gone: the source should be retired
 */
public record Failed(
        URI finalUrl,
        Integer status,
        String errorClass,
        String message,
        Duration retryAfter,
        boolean gone,
        URI permanentRedirect,
        Duration elapsed)
        implements FetchResult {

    public Failed {
        // Messages end up in logs and the admin UI one per line; exception texts sometimes span lines.
        message = message == null ? errorClass : message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
