package dev.fleetsync.bundlestore;

/** S3 sends an ETag quoted ({@code "9b2cf535f27731c974343645a3985328"}); fleetsync records it without the quotes. */
final class Etag {
    private Etag() {
    }

    static String unquoted(String header) {
        String etag = header.trim();
        if (etag.startsWith("W/")) {
            etag = etag.substring(2);
        }
        if (etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
            etag = etag.substring(1, etag.length() - 1);
        }
        return etag;
    }
}
