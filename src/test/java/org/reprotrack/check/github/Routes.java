package org.reprotrack.check.github;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Answers by request target ({@code /repos/o/r}, {@code /repos/o/r/commits?per_page=1}); each
 * target plays its answers in order and repeats the last. Records when (by the fake clock) each
 * request arrived.
 */
final class Routes extends Dispatcher {
    private final Map<String, Deque<MockResponse>> answers = new ConcurrentHashMap<>();
    private final Clock clock;
    final List<String> targets = new CopyOnWriteArrayList<>();
    final List<Instant> arrivals = new CopyOnWriteArrayList<>();

    Routes(Clock clock) {
        this.clock = clock;
    }

    Routes on(String target, MockResponse.Builder... responses) {
        Deque<MockResponse> q = answers.computeIfAbsent(target, k -> new ArrayDeque<>());
        for (MockResponse.Builder r : responses) {
            q.add(r.build());
        }
        return this;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        targets.add(request.getTarget());
        arrivals.add(clock.instant());
        Deque<MockResponse> q = answers.get(request.getTarget());
        if (q == null || q.isEmpty()) {
            return new MockResponse.Builder().code(418).body("{\"message\":\"no route for " + request.getTarget() + "\"}")
                    .build();
        }
        synchronized (q) {
            return q.size() > 1 ? q.poll() : q.peek();
        }
    }
}
