package dev.fleetsync.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8Test {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "overlong A (C1 81), 41c18141, 1",
        "overlong slash (C0 AF), c0af, 0",
        "three-byte overlong slash, 41e080af, 1",
        "four-byte overlong slash, f08080af, 0",
        "high surrogate encoded, 6162eda080, 2",
        "low surrogate encoded, edbfbf, 0",
        "stray continuation byte, 4180, 1",
        "truncated two-byte form at the end, 41c3, 1",
        "truncated three-byte form before ASCII, e28241, 0",
        "past U+10FFFF, f4908080, 0",
        "five-byte form, f888808080, 0",
        "FE, 41fe, 1",
        "FF after valid non-ASCII, c3a9ff, 2"})
    void malformedUtf8IsFoundAtItsFirstByte(String name, String hex, int offset) {
        assertThat(Utf8.firstMalformed(HexFormat.of().parseHex(hex))).isEqualTo(offset);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{\"name\":\"fleet\"}", "h\u00e9llo", "\u20ac", "\uD83D\uDE00", "\uFFFD", "\u0000", "\uDBFF\uDFFF"})
    void wellFormedUtf8Passes(String text) {
        assertThat(Utf8.firstMalformed(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    }
}
