/**
 * Several nodes on one database (issue 13): each process checks in ({@link org.reprotrack.cluster.NodeCheckin}),
 * joins the audit run another node opened ({@link org.reprotrack.cluster.AuditJoiner}), and shares the
 * GitHub rate-limit budget of its token with the others ({@link org.reprotrack.cluster.SharedBudget}).
 * The work split itself (claims, leases, their heartbeat) is the audit's, in {@code audit} and
 * {@code store.AuditWorkStore}.
 */
@NullMarked
package org.reprotrack.cluster;

import org.jspecify.annotations.NullMarked;
