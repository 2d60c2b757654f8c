package dev.fleetsync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WriteCheckTest {
    private static final DashboardSession SESSION = new DashboardSession("cookie", "AKIDFLEETSYNCTEST", "123456789012", "the-token");

    @ParameterizedTest
    @CsvSource({"http://localhost:8081, localhost:8081", "https://fleetsync.example.com, fleetsync.example.com",
            "http://LOCALHOST:8081, localhost:8081"})
    void theServicesOwnOriginIsAccepted(String origin, String host) {
        assertThat(WriteCheck.origin(origin, host)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"https://evil.example, localhost:8081", "http://localhost:8082, localhost:8081", "http://localhost, localhost:8081",
            "null, localhost:8081", "file:///tmp, localhost:8081", "'http://localhost:8081@evil.example', localhost:8081",
            "::not a uri, localhost:8081", "http://localhost:8081, ''"})
    void anyOtherOriginIsAccessDenied(String origin, String host) {
        assertThat(WriteCheck.origin(origin, host)).get().extracting(ServiceException::error).isEqualTo(ServiceError.ACCESS_DENIED);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noOriginIsAccessDenied(String origin) {
        assertThat(WriteCheck.origin(origin, "localhost:8081")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"the-token"})
    void theSessionsTokenIsAccepted(String sent) {
        assertThat(WriteCheck.token(SESSION, sent)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"the-token ", "the-toke", "THE-TOKEN", "another"})
    void anyOtherTokenIsAccessDenied(String sent) {
        assertThat(WriteCheck.token(SESSION, sent)).get().extracting(ServiceException::error).isEqualTo(ServiceError.ACCESS_DENIED);
    }
}
