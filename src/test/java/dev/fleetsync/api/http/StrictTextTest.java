package dev.fleetsync.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StrictTextTest {

    @Test
    void plainTextAndPairedSurrogatesPass() {
        assertThat(StrictText.problem("")).isNull();
        assertThat(StrictText.problem("fleet-1 h\u00e9llo")).isNull();
        assertThat(StrictText.problem("\uD83D\uDE00\uDBFF\uDFFF")).isNull();
    }

    @Test
    void nulIsRefusedWherever() {
        assertThat(StrictText.problem("\u0000")).contains("U+0000");
        assertThat(StrictText.problem("arn:aws:robomaker\u0000")).contains("U+0000");
    }

    @Test
    void aHighSurrogateAloneAtTheEndIsRefused() {
        assertThat(StrictText.problem("ab\uD800")).isEqualTo("Member must not contain an unpaired surrogate (U+D800)");
    }

    @Test
    void aHighSurrogateFollowedByAnythingButALowOneIsRefused() {
        assertThat(StrictText.problem("\uD800a")).contains("U+D800");
        assertThat(StrictText.problem("\uD800\uD800\uDC00")).contains("U+D800");
    }

    @Test
    void aLowSurrogateWithoutAHighOneBeforeItIsRefused() {
        assertThat(StrictText.problem("a\uDC00")).contains("U+DC00");
        assertThat(StrictText.problem("\uDC00\uD800")).contains("U+DC00");
    }
}
