package org.her2feeds.clean;

import java.util.Locale;
import java.util.Set;

/** Query parameters that only identify a campaign or a click, never the resource itself. */
final class TrackingParameters {

    private static final Set<String> NAMES = Set.of(
            "fbclid",
            "gclid",
            "gclsrc",
            "dclid",
            "gbraid",
            "wbraid",
            "msclkid",
            "yclid",
            "twclid",
            "ttclid",
            "igshid",
            "li_fat_id",
            "mc_cid",
            "mc_eid",
            "_hsenc",
            "_hsmi",
            "__hstc",
            "__hssc",
            "__hsfp",
            "hsctatracking",
            "mkt_tok",
            "ref_src",
            "ref_url",
            "_ga",
            "_gl",
            "oly_anon_id",
            "oly_enc_id",
            "_openstat",
            "vero_id",
            "vero_conv",
            "wickedid",
            "rb_clickid",
            "s_cid",
            "spm");

    private TrackingParameters() {}

    /** The query without tracking parameters; the other parameters keep their order and their encoding. */
    static String strip(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringBuilder kept = new StringBuilder(rawQuery.length());
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty() || isTracking(pair)) {
                continue;
            }
            if (!kept.isEmpty()) {
                kept.append('&');
            }
            kept.append(pair);
        }
        return kept.toString();
    }

    private static boolean isTracking(String pair) {
        int equals = pair.indexOf('=');
        String name = (equals < 0 ? pair : pair.substring(0, equals)).toLowerCase(Locale.ROOT);
        // Some mailers escape the underscore, and over-escaped feeds leave "&amp;" in links: "amp;utm_source".
        name = name.replace("%5f", "_");
        if (name.startsWith("amp;")) {
            name = name.substring(4);
        }
        return name.startsWith("utm_") || NAMES.contains(name);
    }
}
