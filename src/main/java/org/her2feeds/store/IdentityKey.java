package org.her2feeds.store;

import org.her2feeds.Sha256;

/** One name an article is known by, strongest first: a DOI, a PubMed id, its canonical link, a source's GUID. */
record IdentityKey(String kind, String value, String hash) {

    /**
     * @param hash fixed-width form for the index, so long links stay indexable on every database; computed once
     *             here because a feed's save looks it up several times per key
     */
    IdentityKey(String kind, String value) {
        this(kind, value, Sha256.hex(kind + ":" + value));
    }

    /** The article id minted from the key it was first seen with; stable, so feed GUIDs never change. */
    String articleId() {
        return hash().substring(0, 32);
    }

    boolean isGuid() {
        return "guid".equals(kind);
    }

    boolean isLink() {
        return "link".equals(kind);
    }
}
