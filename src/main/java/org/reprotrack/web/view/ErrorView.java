package org.reprotrack.web.view;

/** An error page: the status and a message that is safe to show (never a stack trace). */
public record ErrorView(int status, String title, String message) {
}
