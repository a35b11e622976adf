package org.her2feeds.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One name an article is known by, strongest first: a DOI, a PubMed id, its canonical link, a source's GUID. */
record IdentityKey(String kind, String value, String hash) {

    /**
     * @param hash fixed-width form for the index, so long links stay indexable on every database; computed once
     *             here because a feed's save looks it up several times per key
     */
    IdentityKey(String kind, String value) {
        this(kind, value, sha256Hex(kind + ":" + value));
    }

    /** The article id minted from the key it was first seen with; stable, so feed GUIDs never change. */
    String articleId() {
        return hash().substring(0, 32);
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
