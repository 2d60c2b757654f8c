package dev.fleetsync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Mutiny's callbacks run as written: no thread context is captured and restored around each reactive step (see
 * application.properties). With the default configuration every callback is wrapped in a capture of the CDI and JTA
 * contexts, about 6 % of the service's CPU on the write path; the whole suite passes without it.
 */
@QuarkusTest
class ContextPropagationTest {

    @Test
    void reactiveCallbacksAreNotWrappedInACapturedContext() {
        Supplier<String> supplier = () -> "answer";
        Function<String, Integer> function = String::length;

        assertThat(Infrastructure.decorate(supplier)).isSameAs(supplier);
        assertThat(Infrastructure.decorate(function)).isSameAs(function);
    }
}
