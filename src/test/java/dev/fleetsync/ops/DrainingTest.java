package dev.fleetsync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import org.junit.jupiter.api.Test;

class DrainingTest {

    @Test
    void aWaitThatIsCancelledDoesNotStartTheDrain() {
        Draining draining = new Draining();
        UniAssertSubscriber<Void> poll = draining.whenDraining().subscribe().withSubscriber(UniAssertSubscriber.create());

        poll.cancel();

        assertThat(draining.draining()).isFalse();
        draining.whenDraining().subscribe().withSubscriber(UniAssertSubscriber.create()).assertNotTerminated();
    }

    @Test
    void everyWaitCompletesWhenShutdownBegins() {
        Draining draining = new Draining();
        UniAssertSubscriber<Void> waiting = draining.whenDraining().subscribe().withSubscriber(UniAssertSubscriber.create());

        draining.delayStarted(null);

        assertThat(draining.draining()).isTrue();
        waiting.assertCompleted();
        draining.whenDraining().subscribe().withSubscriber(UniAssertSubscriber.create()).assertCompleted();
    }
}
