package dev.fleetsync.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Real tar.gz bundles, and storing objects in the test bundle store. */
final class Bundles {
    private Bundles() {
    }

    /** A bundle: files by path, each with its content and whether it is executable. */
    static final class Bundle {
        private final Map<String, byte[]> files = new LinkedHashMap<>();
        private final Map<String, Boolean> executable = new LinkedHashMap<>();

        Bundle file(String path, String content) {
            files.put(path, content.getBytes(StandardCharsets.UTF_8));
            executable.put(path, false);
            return this;
        }

        Bundle file(String path, byte[] content) {
            files.put(path, content);
            executable.put(path, false);
            return this;
        }

        Bundle script(String path, String body) {
            files.put(path, ("#!/bin/sh\n" + body + "\n").getBytes(StandardCharsets.UTF_8));
            executable.put(path, true);
            return this;
        }

        byte[] tarGz() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    gzip.write(header(file.getKey(), file.getValue().length, executable.get(file.getKey())));
                    gzip.write(file.getValue());
                    gzip.write(new byte[(512 - file.getValue().length % 512) % 512]);
                }
                gzip.write(new byte[1024]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }

    static Bundle bundle() {
        return new Bundle();
    }

    /** Stores the object (creating its bucket) and answers the ETag S3 gave it: the MD5 of its bytes, a single-part upload. */
    static String put(String bucket, String key, byte[] content) {
        S3Puts.createBucket(bucket);
        return S3Puts.putObject(bucket, key, content);
    }

    static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A ustar header: name, mode, sizes in octal, checksum over the header with its own field as spaces. */
    private static byte[] header(String name, long size, boolean executable) {
        byte[] header = new byte[512];
        put(header, 0, name, 100);
        put(header, 100, executable ? "0000755" : "0000644", 8);
        put(header, 108, "0000000", 8);
        put(header, 116, "0000000", 8);
        put(header, 124, String.format("%011o", size), 12);
        put(header, 136, String.format("%011o", System.currentTimeMillis() / 1000), 12);
        header[156] = '0';
        put(header, 257, "ustar", 6);
        put(header, 263, "00", 2);
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum) + "\0 ", 8);
        return header;
    }

    private static void put(byte[] header, int at, String value, int length) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, at, Math.min(bytes.length, length));
    }
}
