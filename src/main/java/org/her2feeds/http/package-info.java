/**
 * The HTTP machinery every public output uses: outputs rendered once (gzip and strong ETags precomputed) and kept
 * per archive version, conditional GET, freshness, CORS for the portal, the ?limit= bounds, and the 4xx problems
 * services throw.
 */
package org.her2feeds.http;
