package dev.tenantry.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether this process can bind port 443 now, a free port otherwise, and whether a start failed to bind. */
final class Port443Probe {

    private Port443Probe() {}

    /** Null when {@code host}:443 can be bound now; else why not. */
    static String whyNot(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), 443));
            return null;
        } catch (IOException e) {
            return "binding " + host + ":443 failed (" + e.getMessage()
                    + "): it needs root or CAP_NET_BIND_SERVICE, and no other process on it";
        }
    }

    /** A port free on {@code host} now. */
    static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code failure} is a failure to bind the port, wherever in its causes. */
    static boolean isBindFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
