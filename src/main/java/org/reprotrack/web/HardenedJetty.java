package org.reprotrack.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.jspecify.annotations.Nullable;
import spark.embeddedserver.EmbeddedServers;
import spark.embeddedserver.jetty.EmbeddedJettyFactory;
import spark.embeddedserver.jetty.JettyServerFactory;

/**
 * Jetty as Spark makes it, plus what Spark does not let a route set: the answers Jetty writes
 * itself, before any route or filter runs (400 for a malformed path such as {@code /%} or
 * {@code /..%2f}, a bad header), carry the security headers too, show no stack trace, and no
 * answer names Jetty's version.
 */
final class HardenedJetty implements JettyServerFactory {

    private static final String ID = "reprotrack-jetty";
    private static boolean registered;

    private HardenedJetty() {
    }

    /** The name to give {@link spark.Service#embeddedServerIdentifier(Object)}; registers the factory with Spark once. */
    static synchronized String id() {
        if (!registered) {
            EmbeddedServers.add(ID, new EmbeddedJettyFactory(new HardenedJetty()));
            registered = true;
        }
        return ID;
    }

    @Override
    public Server create(int maxThreads, int minThreads, int idleTimeoutMillis) {
        // Spark's own defaults for what the service leaves unset
        return harden(maxThreads > 0
                ? new Server(new QueuedThreadPool(maxThreads, minThreads > 0 ? minThreads : 8, idleTimeoutMillis > 0 ? idleTimeoutMillis : 60_000))
                : new Server());
    }

    @Override
    public Server create(@Nullable ThreadPool pool) {
        return harden(pool != null ? new Server(pool) : new Server());
    }

    private static Server harden(Server server) {
        server.setErrorHandler(new Errors());
        server.addLifeCycleListener(new AbstractLifeCycle.AbstractLifeCycleListener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) { // Spark adds its connectors before it starts the server
                for (Connector connector : server.getConnectors()) {
                    for (ConnectionFactory factory : connector.getConnectionFactories()) {
                        if (factory instanceof HttpConnectionFactory http) {
                            http.getHttpConfiguration().setSendServerVersion(false);
                        }
                    }
                }
            }
        });
        return server;
    }

    /** Jetty's own error answers: the security headers, the status line's words, nothing more. */
    private static final class Errors extends ErrorHandler {

        Errors() {
            setShowStacks(false);
            setShowServlet(false);
            setShowMessageInTitle(false);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
            SecurityHeaders.apply(fields::put);
            return super.badMessageError(status, reason, fields);
        }

        @Override
        public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
                throws IOException, ServletException {
            SecurityHeaders.apply(response::setHeader);
            super.handle(target, baseRequest, request, response);
        }
    }
}
