/**
 * Quartz: persistent schedules in the application's database (clustered on PostgreSQL), and the
 * jobs, which call the same services as the command line. Jobs get their dependencies from
 * {@link org.reprotrack.schedule.JobFactoryImpl}; there is no static state of ours here.
 */
@NullMarked
package org.reprotrack.schedule;

import org.jspecify.annotations.NullMarked;
