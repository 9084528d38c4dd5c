package org.reprotrack.notify;

/** Hears each webhook delivery attempt (metrics). */
public interface DeliveryListener {

    DeliveryListener NONE = (webhook, outcome) -> { };

    /**
     * @param outcome {@code delivered}, {@code retry} or {@code failed} (given up)
     */
    void attempted(String webhook, String outcome);
}
