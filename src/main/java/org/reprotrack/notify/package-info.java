/**
 * Notifications (issue 17): the event log of newly dead, recovered and promise-not-kept code
 * ({@link org.reprotrack.store.NotifyStore}), the Atom feeds built from it, and webhooks delivered
 * from a database outbox, signed with HMAC-SHA256, retried with backoff, at least once.
 */
@NullMarked
package org.reprotrack.notify;

import org.jspecify.annotations.NullMarked;
