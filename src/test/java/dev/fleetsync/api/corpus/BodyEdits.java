package dev.fleetsync.api.corpus;

import dev.fleetsync.api.corpus.CorpusModel.Operation;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Mutations of a whole body: not JSON, not an object, truncated, a member given twice with another value, nested past
 * the parser's depth, over the size limit, not UTF-8 (other encodings of the same JSON included), and a Content-Type
 * that is not JSON.
 */
final class BodyEdits {
    private static final List<String> NOT_JSON = List.of("{", "}", "{\"", "{\"a\":}", "{\"a\" 1}", "{,}", "{'a':1}", "{a:1}",
            "{\"a\":1,}", "[1,]", "/*c*/{}", "{}{}", "{}x", "nul", "tru", "\"abc", "01", "NaN", "{\"a\":NaN}", "{\"a\":01}",
            "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"tab\there\"}", "{\"a\":\"\u0001\"}", "{\"a\":-}", "{\"a\":1.}",
            "{\"a\":.5}", "{\"a\":+1}", "{\"a\":Infinity}", "{\"a\":[1 2]}", "\u0000{}");
    private static final List<String> NOT_OBJECT = List.of("[]", "[{}]", "\"x\"", "1", "true", "null");
    private static final List<String> NOT_UTF8_PREFIX = List.of("ff", "fe", "c0", "80", "efbbbf80");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/octet-stream", "image/png");
    /** Content-Types that are not a media type at all. */
    private static final List<String> MALFORMED_TYPES = List.of("json", "application/", "/json", "application/json; charset",
            "application/json; charset=no-such-charset");
    private static final int DEPTH = 3000;
    /** quarkus.http.limits.max-body-size, the framework's backstop above fleetsync.max-request-bytes. */
    private static final int FRAMEWORK_CAP = 1024 * 1024;

    private BodyEdits() {
    }

    static List<Case> of(Operation op, Call valid, int maxBytes) {
        List<Case> cases = new ArrayList<>();
        String json = new String(valid.body(), StandardCharsets.UTF_8);
        for (String text : NOT_JSON) {
            cases.add(invalid(op, "malformed", text, valid.withBody(utf8(text))));
        }
        for (String text : NOT_OBJECT) {
            cases.add(invalid(op, "not-object", text, valid.withBody(utf8(text))));
        }
        for (int cut : new int[] {1, json.length() / 3, json.length() / 2, json.length() - 1}) {
            cases.add(invalid(op, "truncated", "at " + cut, valid.withBody(Arrays.copyOf(valid.body(), cut))));
        }
        if (json.startsWith("{\"")) {
            String first = json.substring(1, json.indexOf('"', 2) + 1);
            cases.add(invalid(op, "duplicate", first, valid.withBody(utf8("{" + first + ":\"other\"," + json.substring(1)))));
        }
        String deep = "[".repeat(DEPTH) + "]".repeat(DEPTH);
        cases.add(invalid(op, "deep", "unknown member, depth " + DEPTH, valid.withBody(utf8("{\"corpusDeep\":" + deep + "," + json.substring(1)))));
        cases.add(invalid(op, "deep", "depth " + DEPTH + " at the root", valid.withBody(utf8(deep))));
        String objects = "{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH);
        cases.add(invalid(op, "deep", "objects, depth " + DEPTH, valid.withBody(utf8(objects))));
        String padding = "x".repeat(maxBytes);
        cases.add(new Case(op.name(), "oversize", (maxBytes + 1) + " bytes and more", valid.withBody(utf8("{\"corpusPad\":\"" + padding
                + "\"," + json.substring(1))), List.of(), "RequestEntityTooLargeException", 413, op.errors()));
        // Chunked, no length to refuse it by: stopped while it is read, past the limit and past the framework's own cap.
        for (int size : new int[] {maxBytes + 1, 4 * maxBytes, FRAMEWORK_CAP + 1}) {
            String pad = "x".repeat(Math.max(0, size - json.length() - "\"corpusPad\":\"\",".length()));
            cases.add(new Case(op.name(), "oversize", "chunked, " + size + " bytes", valid.withBody(utf8("{\"corpusPad\":\"" + pad
                    + "\"," + json.substring(1))).asChunked(), List.of(), "RequestEntityTooLargeException", 413, op.errors()));
        }
        for (String prefix : NOT_UTF8_PREFIX) {
            byte[] bad = HexFormat.of().parseHex(prefix);
            cases.add(invalid(op, "utf8", "prefix " + prefix, valid.withBody(concat(bad, valid.body()))));
            cases.add(invalid(op, "utf8", "suffix " + prefix, valid.withBody(concat(valid.body(), bad))));
        }
        for (String charset : List.of("UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32BE", "UTF-32LE")) {
            cases.add(invalid(op, "encoding", charset, valid.withBody(json.getBytes(Charset.forName(charset)))));
        }
        cases.add(invalid(op, "encoding", "ISO-8859-1 of \u00e9", valid.withBody(concat(utf8(json.substring(0, json.length() - 1)),
                utf8(",\"corpus\":\""), new byte[] {(byte) 0xe9}, utf8("\"}")))));
        for (String type : CONTENT_TYPES) {
            cases.add(new Case(op.name(), "content-type", type, valid.withContentType(type), List.of(), "UnsupportedMediaTypeException", 415,
                    op.errors()));
        }
        for (String type : MALFORMED_TYPES) {
            cases.add(new Case(op.name(), "content-type", type, valid.withContentType(type), List.of(), null, 0, op.errors()));
        }
        return cases;
    }

    private static Case invalid(Operation op, String kind, String label, Call call) {
        return new Case(op.name(), kind, label, call, List.of(), Case.INVALID, 400, op.errors());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[]... rest) {
        byte[] out = first;
        for (byte[] part : rest) {
            int at = out.length;
            out = Arrays.copyOf(out, at + part.length);
            System.arraycopy(part, 0, out, at, part.length);
        }
        return out;
    }
}
