/** Fetches feeds over http(s) and from files, defensively (SSRF policy, deadlines, size caps, per-host limits). */
package org.her2feeds.fetch;
