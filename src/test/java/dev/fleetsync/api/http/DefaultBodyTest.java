package dev.fleetsync.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which declared Content-Types a body may have: JSON in UTF-8 only. */
class DefaultBodyTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "APPLICATION/JSON", "application/json; charset=utf-8", "application/json;charset=UTF-8",
        "application/problem+json", "application/json; version=1"})
    void jsonInUtf8IsAccepted(String type) {
        assertThat(DefaultBody.isJson(type)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "text/json", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/octet-stream", "application/jsonx", "application/json; charset=utf-16", "application/json; charset=iso-8859-1",
        "application/json; charset=no-such-charset", "application/json; charset", "json", "application/", "/json", ""})
    void anythingElseIsNotJson(String type) {
        assertThat(DefaultBody.isJson(type)).isFalse();
    }
}
