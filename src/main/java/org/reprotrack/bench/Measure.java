package org.reprotrack.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Peak heap while a benchmark runs: a daemon thread samples used heap every 5 ms. Sampling
 * under-reports spikes shorter than that, but unlike summing the pools' peak counters (which
 * peak at different moments) it never reports more than the heap ever held.
 */
final class Measure implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile long peak;
    private volatile boolean running = true;

    Measure() {
        System.gc();
        sampler = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    long peakHeapBytes() {
        return Math.max(peak, memory.getHeapMemoryUsage().getUsed());
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    static String mib(long bytes) {
        return String.format("%.0f MiB", bytes / 1048576.0);
    }
}
