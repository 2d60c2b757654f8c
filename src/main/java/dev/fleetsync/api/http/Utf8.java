package dev.fleetsync.api.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8: the JDK decoder with errors reported, so overlong forms ({@code C0 AF} for '/'), UTF-8-encoded
 * surrogates ({@code ED A0 80}), code points past U+10FFFF and truncated sequences are all refused. Jackson's own
 * decoder accepts some of these as other characters, so the bytes are checked before it sees them.
 */
final class Utf8 {
    private Utf8() {
    }

    /** The offset of the first byte that is not part of well-formed UTF-8, or -1 when all of them are. */
    static int firstMalformed(byte[] bytes) {
        int start = 0;
        while (start < bytes.length && bytes[start] >= 0) {
            start++; // ASCII, the usual whole body, needs no decoder
        }
        if (start == bytes.length) {
            return -1;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, out, true);
        return result.isError() ? in.position() : -1;
    }
}
